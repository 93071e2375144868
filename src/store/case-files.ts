/** Reads a traced case from its folder (case.yaml or case.json, hypotheses.yaml) into validated values or InputErrors. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import {
  type Case,
  type CaseCrossIssue,
  type CaseHypotheses,
  caseHypothesesSchema,
  caseSchema,
  crossCheckEpisodes,
  crossCheckHypotheses,
  fieldPath,
  InputError,
  type InputIssue,
  issuesFromZod,
  type ParsedWithLines,
  parseYamlWithLines,
} from '../domain/index.js';

import { DATA_DIR } from './bundled-data.js';
import { readTextFile } from './text-file.js';

/** The cases bundled with meddle: one folder each under data/cases/. */
export const CASES_DIR = `${DATA_DIR}cases/`;

const CASE_FILES = ['case.yaml', 'case.yml', 'case.json'] as const;
const HYPOTHESES_FILES = ['hypotheses.yaml', 'hypotheses.yml', 'hypotheses.json'] as const;

/** YAML anchors let events cite a bibliography entry; the cap only guards against alias bombs. */
const MAX_ALIASES = 10_000;

/** `event "1927-04-12-shanghai-massacre": ` or `evidence "E3": `, so that a message names its record. */
function recordLabel(value: unknown, path: readonly PropertyKey[]): string {
  const [list, index] = path;
  if ((list !== 'events' && list !== 'evidence') || typeof index !== 'number') return '';
  const id = (value as Record<string, { id?: unknown }[] | undefined>)[list]?.[index]?.id;
  const what = list === 'events' ? 'event' : 'evidence';
  return typeof id === 'string' ? `${what} "${id}": ` : `${what} ${index + 1}: `;
}

function zodIssues(error: z.core.$ZodError, parsed: ParsedWithLines, file: string): InputIssue[] {
  const issues = issuesFromZod(error, parsed.value, { file });
  return issues.map((issue, i) => {
    const path = error.issues[i]?.path ?? [];
    const line = parsed.lineOf(path);
    return {
      ...issue,
      ...(line !== undefined ? { line } : {}),
      message: recordLabel(parsed.value, path) + issue.message,
    };
  });
}

function crossIssues(issues: readonly CaseCrossIssue[], parsed: ParsedWithLines, file: string): InputIssue[] {
  return issues.map((issue) => {
    const line = parsed.lineOf(issue.path);
    return {
      file,
      ...(line !== undefined ? { line } : {}),
      field: fieldPath(issue.path),
      ...(issue.value !== undefined ? { value: issue.value } : {}),
      message: recordLabel(parsed.value, issue.path) + issue.message,
    };
  });
}

/** Reads and validates a case file; `recordIds`, when given, must hold every episode the case links to. */
export function readCaseFile(path: string, shown: string = path, recordIds?: ReadonlySet<string>): Case {
  const parsed = parseYamlWithLines(readTextFile(path, shown), shown, MAX_ALIASES);
  const result = caseSchema.safeParse(parsed.value);
  if (!result.success) throw new InputError(zodIssues(result.error, parsed, shown));
  if (recordIds !== undefined) {
    const missing = crossCheckEpisodes(result.data, recordIds);
    if (missing.length > 0)
      throw new InputError(
        crossIssues(missing, parsed, shown).map((i) => ({ ...i, hint: 'see `meddle record list`' })),
      );
  }
  return result.data;
}

/** Reads and validates hypotheses, then checks them against the case they weigh. */
export function readHypothesesFile(path: string, c: Case, shown: string = path): CaseHypotheses {
  const parsed = parseYamlWithLines(readTextFile(path, shown), shown, MAX_ALIASES);
  const result = caseHypothesesSchema.safeParse(parsed.value);
  if (!result.success) throw new InputError(zodIssues(result.error, parsed, shown));
  const cross = crossCheckHypotheses(c, result.data);
  if (cross.length > 0) throw new InputError(crossIssues(cross, parsed, shown));
  return result.data;
}

/** The ids of the bundled cases, in name order. */
export function bundledCaseIds(): string[] {
  if (!existsSync(CASES_DIR)) return [];
  return readdirSync(CASES_DIR)
    .filter((name) => CASE_FILES.some((f) => existsSync(join(CASES_DIR, name, f))))
    .sort();
}

/** A folder given as a path, or the id of a bundled case. */
export function resolveCaseDir(spec: string): string {
  if (existsSync(spec) && statSync(spec).isDirectory()) return spec;
  const bundled = join(CASES_DIR, spec);
  if (existsSync(bundled) && statSync(bundled).isDirectory()) return bundled;
  const known = bundledCaseIds();
  throw new InputError({
    field: 'CASE',
    value: spec,
    message: 'no such case folder or bundled case',
    hint:
      known.length > 0 ? `bundled cases: ${known.join(', ')}` : 'give the path of a folder holding case.yaml',
  });
}

export interface LoadedCase {
  readonly case: Case;
  /** Absent when the folder has no hypotheses file and none was given. */
  readonly hypotheses?: CaseHypotheses;
  readonly files: { readonly case: string; readonly hypotheses?: string };
}

export interface LoadCaseOptions {
  /** A hypotheses file to use instead of the folder's own. */
  readonly hypotheses?: string;
  /** Episode ids of the record; when given, the case's links are checked against them. */
  readonly recordIds?: ReadonlySet<string>;
}

/** Files are named in errors relative to the case folder's parent, as `soviet-ccp/case.yaml`. */
export function loadCase(spec: string, options: LoadCaseOptions = {}): LoadedCase {
  const dir = resolveCaseDir(spec);
  const shownDir = basename(dir);
  const caseName = CASE_FILES.find((f) => existsSync(join(dir, f)));
  if (caseName === undefined)
    throw new InputError({ file: shownDir, message: 'the folder holds no case.yaml or case.json' });
  const caseShown = `${shownDir}/${caseName}`;
  const c = readCaseFile(join(dir, caseName), caseShown, options.recordIds);
  const own = HYPOTHESES_FILES.find((f) => existsSync(join(dir, f)));
  const hypothesesPath = options.hypotheses ?? (own !== undefined ? join(dir, own) : undefined);
  if (hypothesesPath === undefined) return { case: c, files: { case: caseShown } };
  const hypothesesShown = options.hypotheses ?? `${shownDir}/${own}`;
  return {
    case: c,
    hypotheses: readHypothesesFile(hypothesesPath, c, hypothesesShown),
    files: { case: caseShown, hypotheses: hypothesesShown },
  };
}
