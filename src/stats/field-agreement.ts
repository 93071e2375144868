/** Krippendorff's α for each coded field of a codebook, least reliable first, to show where coders part ways. */
import { type Code, krippendorffAlpha, type MeasurementLevel } from './krippendorff-alpha.js';

export interface FieldCoding {
  readonly field: string;
  readonly level: MeasurementLevel;
  /** units[u][c]: coder c's code for unit u in this field. */
  readonly units: readonly (readonly Code[])[];
}

export interface FieldAgreement {
  readonly field: string;
  readonly level: MeasurementLevel;
  readonly alpha: number;
  readonly pairableUnits: number;
  /** The field's most discordant units, at most five. */
  readonly worstUnits: readonly number[];
}

/**
 * α per field, sorted from the least to the most reliable (undefined α last).
 *
 * @example
 * fieldAgreement([{ field: 'means', level: 'nominal', units: [['cash', 'cash'], ['media', 'cash'], ['cash', 'cash']] }]);
 * // [{ field: 'means', level: 'nominal', alpha: 0, pairableUnits: 3, worstUnits: [1] }]
 */
export function fieldAgreement(fields: readonly FieldCoding[]): FieldAgreement[] {
  return fields
    .map((coding) => {
      const result = krippendorffAlpha(coding.units, coding.level);
      return {
        field: coding.field,
        level: coding.level,
        alpha: result.alpha,
        pairableUnits: result.pairableUnits,
        worstUnits: result.unitDisagreement.slice(0, 5).map((u) => u.unit),
      };
    })
    .sort((a, b) => (Number.isNaN(a.alpha) ? 1 : Number.isNaN(b.alpha) ? -1 : a.alpha - b.alpha));
}
