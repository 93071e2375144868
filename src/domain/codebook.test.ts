import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  COVERAGE_TARGETS,
  EPISODE_KINDS,
  MEANS,
  PAYOFFS,
  PROXY_OUTCOMES,
  PROXY_TYPES,
  RATIONALES,
  SIDES,
  TARGET_CLASSES,
} from './codebook.js';
import { EPISODE_FIELDS } from './episode-schema.js';

const doc = readFileSync(new URL('../../docs/codebook.md', import.meta.url), 'utf8');

describe('docs/codebook.md', () => {
  it('documents every field of an episode', () => {
    for (const field of EPISODE_FIELDS) expect(doc, field).toContain(`\`${field}\``);
  });

  it('documents every value of every vocabulary', () => {
    const vocabularies = [
      EPISODE_KINDS,
      SIDES,
      MEANS,
      RATIONALES,
      PROXY_TYPES,
      PROXY_OUTCOMES,
      PAYOFFS,
      TARGET_CLASSES,
    ];
    for (const value of vocabularies.flat()) expect(doc, value).toContain(`\`${value}\``);
  });

  it('states the coverage target the code measures for each level-2/3 field', () => {
    for (const { field, target } of COVERAGE_TARGETS)
      expect(doc, field).toMatch(new RegExp(`\\| \`${field}\` \\| [^|]+ \\| ${target * 100} % \\|`));
  });
});
