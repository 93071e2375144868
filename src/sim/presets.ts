/** Named scenarios: the article's Soviet–CCP case and the typical settings its argument contrasts. */
import { InputError } from '../domain/input-error.js';
import { closest } from '../domain/suggest.js';
import type { ScenarioInput } from './parameters.js';

export interface Preset {
  readonly name: string;
  readonly description: string;
  readonly scenario: ScenarioInput;
}

export const PRESETS = [
  {
    name: 'soviet-ccp',
    description:
      'Soviet backing of the Chinese Communists, 1920s–1950s: a capable, nationalist proxy with its own agenda in a ' +
      'potential major power, modest aid, a heavy hand and a sponsor that dealt with the rival.',
    scenario: {
      side: 'challenger',
      mode: 'struggle',
      targetPower: 0.7,
      capability: 0.85,
      divergence: 0.5,
      nationalism: 0.8,
      aid: 0.15,
      heavyHandedness: 0.6,
      opportunism: 0.15,
      horizon: 40,
    },
  },
  {
    name: 'small-state-challenger',
    description: 'A challenger backed in a small, dependent state (the usual covert regime-change attempt).',
    scenario: { side: 'challenger', mode: 'struggle', targetPower: 0.1 },
  },
  {
    name: 'major-power-challenger',
    description:
      'A challenger backed inside a major power (US operations against the USSR, Soviet ones against the US).',
    scenario: { side: 'challenger', mode: 'struggle', targetPower: 0.85 },
  },
  {
    name: 'incumbent-election',
    description:
      'One partisan electoral intervention for the incumbent (Levin: the proxy won 80 % of 50 cases).',
    scenario: { side: 'incumbent', mode: 'election' },
  },
  {
    name: 'challenger-election',
    description:
      'One partisan electoral intervention for a challenger (Levin: the proxy won 38 % of 65 cases).',
    scenario: { side: 'challenger', mode: 'election' },
  },
] as const satisfies readonly Preset[];

export type PresetName = (typeof PRESETS)[number]['name'];

export const PRESET_NAMES: readonly PresetName[] = PRESETS.map((preset) => preset.name);

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}

/** The preset of that name; an `InputError` listing the presets (and the nearest one) otherwise. */
export function presetNamed(name: string, field = 'preset'): Preset {
  const preset = PRESETS.find((p) => p.name === name);
  if (preset !== undefined) return preset;
  const near = closest(name, PRESET_NAMES);
  throw new InputError({
    field,
    value: name,
    message: 'unknown preset',
    hint: `${near !== undefined ? `did you mean ${near}? ` : ''}presets: ${PRESET_NAMES.join(', ')}`,
  });
}
