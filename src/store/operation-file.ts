/** Reads a proposed operation (YAML or JSON scenario file), resolves its states and names every error's file, line and field. */
import type { z } from 'zod';
import {
  closest,
  fieldPath,
  InputError,
  type InputIssue,
  issuesFromZod,
  OPERATION_FIELDS,
  type Operation,
  type OperationFile,
  operationProxySchema,
  operationSchema,
  type ParsedWithLines,
  parseYamlWithLines,
  type StateReference,
  type StateTable,
} from '../domain/index.js';

import { loadStateTable } from './bundled-data.js';
import { readTextFile } from './text-file.js';

/** A scenario file holds a handful of fields; the cap only guards against alias bombs. */
const MAX_ALIASES = 100;

const SHARE_FIELDS = new Set([
  'pressure',
  'aid',
  'opportunism',
  'proxy.capability',
  'proxy.divergence',
  'proxy.nationalism',
]);

/** The zod issue's hint, made to say what is allowed in the terms of docs/assessment.md. */
function hintFor(issue: z.core.$ZodIssue, field: string, fallback: string | undefined): string | undefined {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const inProxy = issue.path[0] === 'proxy';
    const known = inProxy ? Object.keys(operationProxySchema.shape) : Object.keys(operationSchema.shape);
    const near = closest(key, known);
    return `${near !== undefined ? `did you mean ${near}? ` : ''}allowed fields: ${known.join(', ')}`;
  }
  if (SHARE_FIELDS.has(field)) return 'allowed: a number from 0 to 1';
  if (field === 'interferer' || field === 'target')
    return 'allowed: a COW code (710), an abbreviation (CHN) or a name (China); see `meddle states`';
  return fallback;
}

function schemaIssues(error: z.core.$ZodError, parsed: ParsedWithLines, file: string): InputIssue[] {
  const issues = issuesFromZod(error, parsed.value, { file });
  return issues.map((issue, i) => {
    const zodIssue = error.issues[i];
    const path =
      zodIssue === undefined
        ? []
        : zodIssue.code === 'unrecognized_keys'
          ? [...zodIssue.path, zodIssue.keys[0] ?? '']
          : zodIssue.path;
    const line = parsed.lineOf(path);
    const field = issue.field ?? fieldPath(path);
    const hint = zodIssue === undefined ? issue.hint : hintFor(zodIssue, field, issue.hint);
    const message =
      zodIssue?.code === 'invalid_union' && (field === 'interferer' || field === 'target')
        ? 'not a state'
        : issue.message;
    return {
      ...issue,
      ...(line !== undefined ? { line } : {}),
      field,
      message,
      ...(hint !== undefined ? { hint } : {}),
    };
  });
}

/** A state reference resolved to its COW code, or the issue that says what would be accepted. */
function resolveState(
  reference: StateReference,
  field: 'interferer' | 'target',
  states: StateTable,
  place: Pick<InputIssue, 'file' | 'line'>,
): number | InputIssue {
  const state = states.find(reference);
  if (state !== undefined) return state.cow;
  const candidates = states.states.flatMap((s) => [s.name, s.abbr]);
  const near = typeof reference === 'string' ? closest(reference, candidates) : undefined;
  const nearState = near === undefined ? undefined : states.find(near);
  return {
    ...place,
    field,
    value: String(reference),
    message: typeof reference === 'number' ? 'not a Correlates of War state code' : 'unknown country',
    hint: `${nearState !== undefined ? `did you mean ${nearState.name} (${nearState.abbr}, ${nearState.cow})? ` : ''}allowed: a COW code, abbreviation or name from the state list (\`meddle states\`)`,
  };
}

/**
 * Parses the text of a scenario file into an operation ready to assess: validated, its states resolved through
 * the state list, its target's class derived for its year. Every problem is an InputError issue.
 *
 * @example parseOperationFile(readFileSync('examples/assess/covert-major-power.yaml', 'utf8'), 'covert-major-power.yaml').targetClass
 * // 'major-power'
 */
export function parseOperationFile(
  text: string,
  file: string,
  states: StateTable = loadStateTable(),
): Operation {
  const parsed = parseYamlWithLines(text, file, MAX_ALIASES);
  if (parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value))
    throw new InputError({
      file,
      line: 1,
      message: 'a scenario file is a mapping of fields',
      hint: `fields: ${OPERATION_FIELDS.join(', ')}`,
    });
  const result = operationSchema.safeParse(parsed.value);
  if (!result.success) throw new InputError(schemaIssues(result.error, parsed, file));
  const data: OperationFile = result.data;
  const issues: InputIssue[] = [];
  const resolved: Partial<Record<'interferer' | 'target', number>> = {};
  for (const field of ['interferer', 'target'] as const) {
    const line = parsed.lineOf([field]);
    const outcome = resolveState(data[field], field, states, {
      file,
      ...(line !== undefined ? { line } : {}),
    });
    if (typeof outcome === 'number') resolved[field] = outcome;
    else issues.push(outcome);
  }
  if (resolved.interferer !== undefined && resolved.interferer === resolved.target) {
    const line = parsed.lineOf(['target']);
    issues.push({
      file,
      ...(line !== undefined ? { line } : {}),
      field: 'target',
      value: String(data.target),
      message: 'the target cannot also be the interferer',
    });
  }
  if (issues.length > 0 || resolved.interferer === undefined || resolved.target === undefined)
    throw new InputError(issues);
  return {
    ...data,
    interferer: resolved.interferer,
    target: resolved.target,
    targetClass: states.targetClass(resolved.target, data.year),
  };
}

/** Reads and parses a scenario file from disk; the file is named in errors as given. */
export function readOperationFile(path: string, states?: StateTable): { operation: Operation; text: string } {
  const text = readTextFile(
    path,
    path,
    'give the path of a YAML or JSON scenario file, e.g. examples/assess/covert-major-power.yaml',
  );
  return { operation: parseOperationFile(text, path, states), text };
}
