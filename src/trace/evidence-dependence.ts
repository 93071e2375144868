/** Warnings where the Bayesian update's independence assumption is known or likely to fail. */
import type { CaseHypotheses } from '../domain/index.js';

export interface DependenceWarning {
  /** `marked`: the analyst said so; `shared-events`: two pieces rest on the same event. */
  readonly reason: 'marked' | 'shared-events';
  readonly evidence: readonly [string, string];
  /** The events both pieces rest on (for `shared-events`). */
  readonly events: readonly string[];
  readonly message: string;
}

/**
 * The update multiplies likelihood ratios as if each piece were independent given each hypothesis; two pieces
 * that are not would count one observation twice. Each pair is warned about once.
 */
export function dependenceWarnings(h: CaseHypotheses): DependenceWarning[] {
  const warnings: DependenceWarning[] = [];
  const warned = new Set<string>();
  const key = (a: string, b: string) => [a, b].sort().join('\u0000');
  for (const e of h.evidence) {
    for (const other of e.dependsOn) {
      if (warned.has(key(e.id, other))) continue;
      warned.add(key(e.id, other));
      warnings.push({
        reason: 'marked',
        evidence: [e.id, other],
        events: [],
        message: `${e.id} is marked as dependent on ${other}: their weights are added as if independent, so together they may count one observation twice`,
      });
    }
  }
  h.evidence.forEach((a, i) => {
    for (const b of h.evidence.slice(i + 1)) {
      const shared = a.events.filter((id) => b.events.includes(id));
      if (shared.length === 0 || warned.has(key(a.id, b.id))) continue;
      warned.add(key(a.id, b.id));
      warnings.push({
        reason: 'shared-events',
        evidence: [a.id, b.id],
        events: shared,
        message: `${a.id} and ${b.id} both rest on ${shared.join(', ')}: check that they are not one observation counted twice, or mark one as dependent`,
      });
    }
  });
  return warnings;
}
