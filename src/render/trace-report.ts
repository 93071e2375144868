/** `meddle trace` as text or Markdown: the timeline, the arc, the indicators, the ACH matrix and the posterior. */
import { percent } from '../domain/number-format.js';
import type { CaseTrace, HypothesesTrace } from '../trace/index.js';
import { textTable } from './text-table.js';

export type TraceFormat = 'text' | 'md';

const fixed = (x: number, digits = 2): string => (Number.isFinite(x) ? x.toFixed(digits) : String(x));
const signed = (x: number, digits = 1): string => `${x >= 0 ? '+' : ''}${fixed(x, digits)}`;
/** Probabilities to three places, with the tiny ones shown as such rather than as a flat zero. */
const prob = (x: number): string => (x > 0 && x < 0.0005 ? '<0.001' : fixed(x, 3));
const tight = (x: number | null): string => percent(x, { space: false });

/** A Markdown table; pipes inside cells are escaped so that a summary cannot break the layout. */
function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');
  return [
    `| ${header.map(cell).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

interface Writer {
  heading(text: string): string;
  table(header: readonly string[], rows: readonly (readonly string[])[], right?: readonly number[]): string;
  list(items: readonly string[]): string;
}

const writers: Record<TraceFormat, Writer> = {
  text: {
    heading: (text) => `${text}\n${'='.repeat(text.length)}`,
    table: (header, rows, right = []) => textTable(header, rows, { alignRight: right }),
    list: (items) => items.map((i) => `  - ${i}`).join('\n'),
  },
  md: {
    heading: (text) => `## ${text}`,
    table: (header, rows) => markdownTable(header, rows),
    list: (items) => items.map((i) => `- ${i}`).join('\n'),
  },
};

function timelineSection(trace: CaseTrace, format: TraceFormat): string {
  const rows = trace.timeline.map(({ event, citations }) => [
    `${event.circa ? 'c. ' : ''}${event.date}${event.endDate !== undefined ? `–${event.endDate}` : ''}`,
    event.tags.join(', ') +
      (event.rationale !== undefined ? ` (${event.rationale.from ?? 'none'} → ${event.rationale.to})` : ''),
    event.summary,
    citations.join('; '),
  ]);
  if (format === 'md') return markdownTable(['date', 'tags', 'what happened', 'sources'], rows);
  // A terminal cannot fit the summaries in a table: each event is a block.
  return rows
    .map(([date, tags, summary, sources]) => `${date}  [${tags}]\n    ${summary}\n    (${sources})`)
    .join('\n');
}

function arcSection(trace: CaseTrace, w: Writer): string {
  return w.table(
    [
      'years',
      'support',
      'exercised',
      'lost',
      'grievance',
      'concession',
      'defection',
      'leverage to date',
      'grievance to date',
    ],
    trace.arc.map((s) => [
      `${s.from}–${s.to}`,
      String(s.counts['support-given']),
      String(s.counts['leverage-exercised']),
      String(s.counts['leverage-lost']),
      String(s.counts.grievance),
      String(s.counts.concession),
      String(s.counts.defection),
      signed(s.leverageToDate, 0),
      String(s.grievanceToDate),
    ]),
    [1, 2, 3, 4, 5, 6, 7, 8],
  );
}

function indicatorsSection(trace: CaseTrace, w: Writer): string {
  const i = trace.indicators;
  const around = (t: typeof i.grievance) =>
    t === null ? '—' : `${t.before} before, ${t.after} after, ${t.same} same year`;
  return w.table(
    ['indicator', 'value'],
    [
      ['events (sources)', `${i.events} (${i.sources})`],
      ['ascent to power', i.ascentYear === null ? '—' : String(i.ascentYear)],
      ['break', i.breakYear === null ? '—' : String(i.breakYear)],
      ['years from ascent to break', i.yearsAscentToBreak === null ? '—' : String(i.yearsAscentToBreak)],
      ['grievance events', around(i.grievance)],
      ['support events', around(i.support)],
      ['concession events', around(i.concession)],
      ['share of support before ascent', tight(i.supportShareBeforeAscent)],
    ],
  );
}

function achSection(h: HypothesesTrace, w: Writer): string {
  const { matrix, diagnosticity, transposed, sensitivity } = h.ach;
  const ids = matrix.hypotheses.map((x) => x.id);
  const rows = matrix.rows.map((row, r) => [
    row.evidence,
    fixed(row.weight, 3),
    ...row.cells.map((c) => `${c.rating} ${fixed(c.likelihood)}`),
    diagnosticity[r]?.diagnostic
      ? `${diagnosticity[r]?.ratingSpread} / ${fixed(diagnosticity[r]?.maxWeightDb ?? 0, 1)} dB`
      : 'none',
  ]);
  rows.push(['weighted inconsistency', '', ...matrix.scores.map((s) => fixed(s.inconsistency, 3)), '']);
  const matrixTable = w.table(['evidence', 'weight', ...ids, 'diagnosticity'], rows);
  const transposedTable = w.table(
    ['hypothesis', 'inconsistency', ...matrix.rows.map((r) => r.evidence)],
    transposed.map((t) => [
      `${t.hypothesis} ${t.title}`,
      fixed(t.inconsistency, 3),
      ...t.cells.map((c) => c.rating),
    ]),
  );
  const pivotal =
    sensitivity.pivotal.length === 0
      ? 'No single piece of evidence, removed, changes the ranking.'
      : `Removing one of ${sensitivity.pivotal.join(', ')} changes the ranking:\n${w.list(
          sensitivity.removals
            .filter((r) => r.changed)
            .map((r) => `without ${r.evidence}: ${r.ranking.join(' > ')}`),
        )}`;
  return [
    matrixTable,
    `Ranking (least inconsistent first): ${matrix.ranking.join(' > ')}`,
    'Hypotheses as rows:',
    transposedTable,
    `Sensitivity: ${pivotal}`,
  ].join('\n\n');
}

function bayesSection(h: HypothesesTrace, w: Writer): string {
  const { trace, priorSensitivity, tests, dependence } = h.bayes;
  const ids = h.hypotheses.map((x) => x.id);
  const priors = `Priors: ${ids.map((id) => `${id} ${fixed(trace.priors[id] ?? 0, 3)}`).join(', ')}`;
  const steps = w.table(
    ['evidence', ...ids.map((id) => `${id} dB`), ...ids.map((id) => `${id} after`)],
    trace.steps.map((s) => [
      s.evidence,
      ...s.effects.map((e) => signed(e.weightDb)),
      ...s.effects.map((e) => prob(e.after)),
    ]),
    ids.map((_, i) => i + 1),
  );
  const posterior = `Posterior: ${ids
    .map((id) => `${id} ${prob(trace.posterior[id] ?? 0)}`)
    .join(', ')}; most probable: ${trace.leader}`;
  const testRows = h.evidence.map((e) => [
    e.id,
    ...ids.map((id) => {
      const t = tests.find((x) => x.evidence === e.id && x.hypothesis === id);
      return t === undefined ? '' : `${t.test}${t.passed ? '' : ' (failed)'}`;
    }),
  ]);
  const sensitivity = `Prior sensitivity: from equal priors the posterior is ${ids
    .map((id) => `${id} ${prob(priorSensitivity.uniform[id] ?? 0)}`)
    .join(', ')}; ${
    priorSensitivity.leaders.length === 1
      ? `${priorSensitivity.leaders[0]} leads whatever single prior is set between 0.05 and 0.95.`
      : `the leader depends on the priors: ${priorSensitivity.leaders.join(', ')} each lead for some prior between 0.05 and 0.95.`
  }`;
  const warnings =
    dependence.length === 0
      ? 'No dependent evidence.'
      : `Warnings:\n${w.list(dependence.map((d) => d.message))}`;
  return [
    priors,
    steps,
    posterior,
    "Van Evera's tests (10 dB thresholds):",
    w.table(['evidence', ...ids], testRows),
    sensitivity,
    warnings,
  ].join('\n\n');
}

/** The whole report; JSON output is the `CaseTrace` itself. */
export function renderTraceReport(trace: CaseTrace, format: TraceFormat): string {
  const w = writers[format];
  const c = trace.case;
  const title = format === 'md' ? `# ${c.title}` : `${c.title}\n${'#'.repeat(c.title.length)}`;
  const parts = [
    title,
    `case ${c.id}, ${c.period.from}–${c.period.to}; proxy: ${c.proxy}; episodes: ${c.episodes.join(', ')}`,
    w.heading('Timeline'),
    timelineSection(trace, format),
    w.heading('Leverage and grievance over time'),
    arcSection(trace, w),
    w.heading('Indicators'),
    indicatorsSection(trace, w),
  ];
  const h = trace.hypotheses;
  if (h !== undefined) {
    parts.push(
      w.heading(`Hypotheses: ${h.question}`),
      w.list(h.hypotheses.map((x) => `${x.id} ${x.title}: ${x.statement}`)),
      w.heading('Analysis of competing hypotheses'),
      achSection(h, w),
      w.heading('Bayesian process tracing'),
      bayesSection(h, w),
    );
  }
  return `${parts.join('\n\n')}\n`;
}
