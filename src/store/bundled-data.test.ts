import { describe, expect, it } from 'vitest';
import { loadBundledRecord, loadStateTable } from './bundled-data.js';

describe('the bundled record', () => {
  it('validates: every episode has a source and a derived target class', () => {
    const { episodes, provenance } = loadBundledRecord();
    expect(episodes.length).toBeGreaterThan(0);
    for (const episode of episodes) {
      expect(episode.sources.length).toBeGreaterThan(0);
      expect(['major-power', 'minor-power']).toContain(episode.targetClass);
    }
    expect(provenance.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('derives the target class from the COW major-power years', () => {
    const states = loadStateTable();
    expect(states.targetClass(365, 1950)).toBe('major-power');
    expect(states.targetClass(710, 1921)).toBe('minor-power');
    expect(states.targetClass(710, 1950)).toBe('major-power');
    expect(states.targetClass(740, 1960)).toBe('minor-power');
    expect(states.targetClass(325, 1948)).toBe('minor-power');
  });
});
