/** Scenario files in YAML or JSON: parsed, merged with a preset when they name one, and validated. */
import { InputError, type InputIssue } from '../domain/input-error.js';
import { type ParsedWithLines, parseYamlWithLines } from '../domain/yaml-with-lines.js';
import { parseScenario, type Scenario, type ScenarioInput } from './parameters.js';
import { presetNamed } from './presets.js';

/**
 * A scenario from user-supplied fields, where `preset: NAME` starts from that preset and the other fields
 * override it. Throws `InputError` for an unknown preset and for every invalid parameter.
 */
export function resolveScenario(input: unknown, place: Pick<InputIssue, 'file' | 'line'> = {}): Scenario {
  if (input !== null && typeof input === 'object' && !Array.isArray(input) && 'preset' in input) {
    const { preset, ...rest } = input as Record<string, unknown>;
    if (typeof preset !== 'string') {
      throw new InputError({
        ...place,
        field: 'preset',
        value: JSON.stringify(preset),
        message: 'a preset is named by a string',
      });
    }
    const base: ScenarioInput = presetNamed(preset).scenario;
    return parseScenario({ ...base, ...rest }, place);
  }
  return parseScenario(input, place);
}

/** The YAML (or JSON, a subset of it) of a file, as plain data; syntax errors become `InputError`s with lines. */
export function parseDataText(text: string, file?: string): ParsedWithLines {
  return parseYamlWithLines(text, file);
}

/** A scenario file's text, validated; each issue carries the file and, where it can be found, the line. */
export function parseScenarioText(text: string, file?: string): Scenario {
  const { value, lineOf } = parseDataText(text, file);
  try {
    return resolveScenario(value ?? {}, file !== undefined ? { file } : {});
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(
      error.issues.map((issue) => {
        const line = issue.field !== undefined ? lineOf(issue.field.split('.')) : undefined;
        return line !== undefined && issue.line === undefined ? { ...issue, line } : issue;
      }),
    );
  }
}
