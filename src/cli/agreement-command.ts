/** `meddle agreement`: intercoder reliability of records coded by several people (Krippendorff's α). */
import type { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { InputError, type InputIssue } from '../domain/index.js';
import { textTable } from '../render/index.js';
import { uniformSource } from '../sim/prng.js';
import {
  type Code,
  fieldAgreement,
  krippendorffBootstrap,
  MEASUREMENT_LEVELS,
  type MeasurementLevel,
} from '../stats/index.js';
import { readTextFile } from '../store/index.js';
import { seedValue } from './analytics-options.js';
import { line } from './cli-io.js';
import { type CommandContext, collect, json } from './command-context.js';
import { commandDescription } from './command-groups.js';

const COLUMNS = ['unit', 'coder', 'field', 'value'] as const;

interface Codings {
  readonly units: readonly string[];
  readonly coders: readonly string[];
  /** per field: units[u][c] */
  readonly fields: ReadonlyMap<string, Code[][]>;
}

/** Reads the long form: one row per unit, coder and field; an empty value is a missing code. */
function readCodings(file: string): Codings {
  const text = readTextFile(file);
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new InputError({
      file,
      message: `not valid CSV: ${(error as Error).message}`,
      hint: `columns: ${COLUMNS.join(', ')}`,
    });
  }
  const header = rows[0] === undefined ? [] : Object.keys(rows[0]);
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (rows.length === 0 || missing.length > 0)
    throw new InputError({
      file,
      line: 1,
      message: `missing column${missing.length === 1 ? '' : 's'} ${missing.join(', ') || '(no rows)'}`,
      hint: `columns: ${COLUMNS.join(', ')}`,
    });
  const units = [...new Set(rows.map((r) => r.unit ?? ''))];
  const coders = [...new Set(rows.map((r) => r.coder ?? ''))];
  const unitIndex = new Map(units.map((u, i) => [u, i]));
  const coderIndex = new Map(coders.map((c, i) => [c, i]));
  const fields = new Map<string, Code[][]>();
  const issues: InputIssue[] = [];
  rows.forEach((r, i) => {
    const field = r.field ?? '';
    const grid = fields.get(field) ?? units.map(() => coders.map((): Code => null));
    fields.set(field, grid);
    const cell = grid[unitIndex.get(r.unit ?? '') ?? 0];
    const coder = coderIndex.get(r.coder ?? '') ?? 0;
    if (cell === undefined) return;
    if (cell[coder] !== null)
      issues.push({
        file,
        line: i + 2,
        field: 'value',
        value: r.value ?? '',
        message: `${r.coder} coded ${r.unit} / ${field} twice`,
        hint: 'one row per unit, coder and field',
      });
    cell[coder] = r.value === '' || r.value === undefined ? null : r.value;
  });
  if (issues.length > 0) throw new InputError(issues);
  return { units, coders, fields };
}

function levelFor(specs: readonly string[]): (field: string) => MeasurementLevel {
  const levels = new Map<string, MeasurementLevel>();
  for (const spec of specs) {
    const [field = '', level = ''] = spec.split('=');
    if (!(MEASUREMENT_LEVELS as readonly string[]).includes(level))
      throw new InputError({
        field: '--level',
        value: spec,
        message: 'expected FIELD=LEVEL',
        hint: `levels: ${MEASUREMENT_LEVELS.join(', ')}`,
      });
    levels.set(field, level as MeasurementLevel);
  }
  return (field) => levels.get(field) ?? 'nominal';
}

/** Numeric levels compare numbers, not text. */
const asLevel = (grid: Code[][], level: MeasurementLevel): Code[][] =>
  level === 'nominal'
    ? grid
    : grid.map((row) => row.map((c) => (c === null || c === undefined ? c : Number(c))));

export function registerAgreementCommand(program: Command, context: CommandContext): void {
  program
    .command('agreement')
    .description(commandDescription('agreement'))
    .argument('<file>', 'CSV with columns unit, coder, field, value (an empty value is a missing code)')
    .option(
      '--level <FIELD=LEVEL>',
      `measurement level of a field (repeatable; default nominal): ${MEASUREMENT_LEVELS.join(', ')}`,
      collect,
      [],
    )
    .option('--replicates <n>', 'bootstrap replicates', '2000')
    .option('--seed <n>', 'seed of the bootstrap', '1')
    .option('--json', 'print JSON')
    .action(
      (file: string, options: { level: string[]; replicates: string; seed: string; json?: boolean }) => {
        const codings = readCodings(file);
        const level = levelFor(options.level);
        const seed = seedValue(options.seed);
        const replicates = Number(options.replicates);
        const perField = [...codings.fields].map(([field, grid]) => ({
          field,
          level: level(field),
          units: asLevel(grid, level(field)),
        }));
        const ranking = fieldAgreement(perField);
        const intervals = new Map(
          perField.map((f) => [
            f.field,
            krippendorffBootstrap(f.units, uniformSource(seed), f.level, { replicates }),
          ]),
        );
        if (options.json === true) {
          context.io.out(
            json({
              file,
              seed,
              units: codings.units,
              coders: codings.coders,
              fields: ranking.map((r) => ({
                ...r,
                worstUnits: r.worstUnits.map((u) => codings.units[u]),
                bootstrap: intervals.get(r.field),
              })),
            }),
          );
          return;
        }
        const rows = ranking.map((r) => {
          const b = intervals.get(r.field);
          return [
            r.field,
            r.level,
            Number.isNaN(r.alpha) ? 'undefined' : r.alpha.toFixed(3),
            b === undefined || Number.isNaN(b.interval.lower)
              ? ''
              : `${b.interval.lower.toFixed(3)}–${b.interval.upper.toFixed(3)}`,
            String(r.pairableUnits),
            r.worstUnits.map((u) => codings.units[u]).join(', '),
          ];
        });
        line(
          context.io.out,
          `${codings.units.length} units, ${codings.coders.length} coders, ${codings.fields.size} fields; least reliable first\n${textTable(['field', 'level', 'alpha', '95% bootstrap', 'units', 'most disputed units'], rows, { alignRight: [2, 4] })}\nseed ${seed}, ${replicates} replicates; alpha ≥ 0.8 is reliable, ≥ 0.667 tentative (Krippendorff)`,
        );
      },
    );
}
