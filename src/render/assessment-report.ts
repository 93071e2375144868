/** `meddle assess` as Markdown or as one self-contained HTML file with its charts inline. */
import * as Plot from '@observablehq/plot';
import type { Assessment, AssumptionSweep, Figure, Origin } from '../assess/index.js';
import { percent } from '../domain/number-format.js';
import { distinctSources, toReference } from './citation.js';
import { intervalMarks } from './odds-chart.js';
import { renderPlotSvg } from './plot-svg.js';

export type AssessmentFormat = 'md' | 'html';

/** The report as blocks, written once and serialised to either format. */
type Block =
  | { readonly kind: 'heading'; readonly text: string; readonly level: 1 | 2 | 3 }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[]; readonly ordered?: boolean }
  | {
      readonly kind: 'table';
      readonly header: readonly string[];
      readonly rows: readonly (readonly string[])[];
    }
  | { readonly kind: 'chart'; readonly title: string; readonly options: () => Plot.PlotOptions };

const pct = (x: number): string => percent(x, { digits: 'adaptive' });
const fixed = (x: number, digits = 2): string => x.toFixed(digits);

function interval(f: Figure, format: (x: number) => string = pct): string {
  const range = f.low !== undefined && f.high !== undefined ? ` (${format(f.low)}–${format(f.high)})` : '';
  return `${format(f.value)}${range}${f.n !== undefined ? `, n = ${f.n}` : ''}`;
}

/** Where a number came from, in a few words. */
export function originText(origin: Origin): string {
  switch (origin.source) {
    case 'record':
      return `record, ${origin.episodes.length} episode${origin.episodes.length === 1 ? '' : 's'}`;
    case 'simulation':
      return `model ${origin.model}, ${origin.simulation}, seed ${origin.seed}, ${origin.runs} runs`;
    case 'scenario':
      return `scenario ${origin.field}: ${origin.rule}`;
    case 'derived':
      return `${origin.formula}; from ${origin.from.map(originText).join(' and ')}`;
  }
}

function provenanceLine(a: Assessment): string {
  const p = a.provenance;
  return `meddle ${p.meddle} · record ${p.record.version} (${p.record.episodes} episodes, sha256 ${p.record.hash.slice(0, 12)}) · model ${p.model} · seed ${p.seed} · ${p.runs} runs (${p.sweepRuns} a sweep point) · scenario ${p.scenario.file} (sha256 ${p.scenario.hash.slice(0, 12)})`;
}

function oddsBlocks(a: Assessment): Block[] {
  const rates = a.baseRates;
  const row = (label: string, record: Figure, model: Figure, combined: Figure, weight: number | null) => [
    label,
    interval(record),
    interval(model),
    weight === null ? '—' : fixed(weight),
    interval(combined),
  ];
  return [
    { kind: 'heading', level: 2, text: 'The odds' },
    {
      kind: 'paragraph',
      text: `The record's rate is that of the stratum "${rates.proxyWin.stratum}", partially pooled with the other strata; the model's is the simulated share of runs; the combined estimate weighs the record by n/(n + 10).`,
    },
    {
      kind: 'table',
      header: ['question', 'record (pooled)', 'model', 'record weight', 'combined'],
      rows: [
        row(
          'Does the proxy win?',
          rates.proxyWin.pooled,
          a.simulated.win,
          a.odds.win,
          a.odds.recordWeight.win,
        ),
        row(
          'Does a win pay off?',
          rates.payoffGivenWin.pooled,
          a.simulated.payoffGivenWin,
          a.odds.payoffGivenWin,
          a.odds.recordWeight.payoffGivenWin,
        ),
        ['Does the operation pay off?', '—', interval(a.simulated.payoff), '—', interval(a.odds.payoff)],
      ],
    },
    {
      kind: 'chart',
      title: 'The odds: record, model and combined, with 95 % intervals',
      options: () => oddsChart(a),
    },
  ];
}

function oddsChart(a: Assessment): Plot.PlotOptions {
  const data = [
    ['proxy wins', 'record', a.baseRates.proxyWin.pooled],
    ['proxy wins', 'model', a.simulated.win],
    ['proxy wins', 'combined', a.odds.win],
    ['win pays off', 'record', a.baseRates.payoffGivenWin.pooled],
    ['win pays off', 'model', a.simulated.payoffGivenWin],
    ['win pays off', 'combined', a.odds.payoffGivenWin],
    ['operation pays off', 'model', a.simulated.payoff],
    ['operation pays off', 'combined', a.odds.payoff],
  ].map(([question, origin, f]) => {
    const fig = f as Figure;
    return { question, origin, value: fig.value, low: fig.low ?? fig.value, high: fig.high ?? fig.value };
  });
  // Facets and axis labels name the origins: a colour legend would make Plot wrap the chart in a <figure>
  // whose first <svg> is the legend's swatch, not the chart.
  return {
    width: 640,
    height: 300,
    marginLeft: 150,
    marginRight: 20,
    x: { domain: [0, 100], label: 'probability (%), with 95 % interval', percent: true, grid: true },
    y: { label: null, domain: ['record', 'model', 'combined'] },
    fy: { label: null, domain: ['proxy wins', 'win pays off', 'operation pays off'] },
    marks: intervalMarks(data),
  };
}

function npvChart(a: Assessment): Plot.PlotOptions {
  return {
    width: 640,
    height: 220,
    x: { label: 'discounted payoff to the sponsor (nominal budgets)' },
    y: { label: 'runs', grid: true },
    marks: [
      Plot.rectY(a.simulated.npvHistogram.bins, {
        x1: 'from',
        x2: 'to',
        y: 'runs',
        fill: 'steelblue',
        inset: 0.5,
      }),
      Plot.ruleX([0], { stroke: 'currentColor' }),
      Plot.ruleY([0]),
    ],
  };
}

function sweepChart(sweep: AssumptionSweep): Plot.PlotOptions {
  const data = sweep.points.map((p) => ({ value: p.value, payoff: p.payoff.value, verdict: p.verdict }));
  return {
    width: 300,
    height: 180,
    marginLeft: 45,
    x: { label: sweep.field },
    y: { domain: [0, 100], percent: true, label: 'P(pays off) %', grid: true },
    color: {
      domain: ['advise against', 'high risk', 'marginal', 'favourable'],
      range: ['#b2182b', '#ef8a62', '#fddbc7', '#67a9cf'],
    },
    marks: [
      Plot.line(data, { x: 'value', y: 'payoff', stroke: '#888' }),
      Plot.dot(data, { x: 'value', y: 'payoff', fill: 'verdict', stroke: '#333', r: 4, title: 'verdict' }),
      Plot.ruleX([sweep.currentValue], { stroke: 'currentColor', strokeDasharray: '3,3' }),
    ],
  };
}

function blocksOf(a: Assessment): Block[] {
  const op = a.operation;
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: `Assessment: ${op.title}` },
    { kind: 'paragraph', text: `_${provenanceLine(a)}_` },
    {
      kind: 'paragraph',
      text: `${op.interfererName} backs the ${op.side} (${op.proxy.name}) in ${op.targetName}, a ${op.targetClass.replace('-', ' ')} in ${op.year}: ${op.kind}, ${op.covert ? 'covert' : 'overt'}, by ${op.means.join(', ')}, for ${op.rationale.join(', ')}.`,
    },
    { kind: 'heading', level: 2, text: `Verdict: ${a.verdict.verdict}` },
    { kind: 'paragraph', text: a.verdict.rule },
    {
      kind: 'list',
      ordered: true,
      items: a.verdict.reasons.map((r) => `${r.direction === 'for' ? 'For' : 'Against'}: ${r.text}`),
    },
    ...oddsBlocks(a),
    { kind: 'heading', level: 2, text: 'Comparable episodes' },
    {
      kind: 'table',
      header: [
        '#',
        'episode',
        'year',
        'kind',
        'side',
        'target',
        'proxy',
        'payoff',
        'similarity',
        'why chosen',
      ],
      rows: a.comparables.list.map((c, i) => [
        String(i + 1),
        `${c.id}: ${c.title}`,
        String(c.startYear),
        c.kind,
        c.side,
        c.targetClass,
        c.proxyOutcome,
        c.payoff,
        fixed(c.similarity.value),
        c.reason,
      ]),
    },
    ...(a.comparables.leftOut.length > 0
      ? [
          {
            kind: 'paragraph' as const,
            text: `Left out: ${a.comparables.leftOut.map((x) => `${x.id} (${x.reason})`).join('; ')}.`,
          },
        ]
      : []),
    { kind: 'heading', level: 2, text: 'Base rates' },
    {
      kind: 'table',
      header: ['rate', 'stratum k/n', 'pooled (95 % interval)', 'shrinkage', 'comparables', 'counting'],
      rows: Object.values(a.baseRates).map((r) => [
        r.name,
        `${r.raw.successes}/${r.raw.trials}`,
        interval(r.pooled),
        fixed(r.shrinkage),
        r.comparables !== undefined ? interval(r.comparables) : '—',
        r.pooled.provenance.source === 'record' ? (r.pooled.provenance.method.split(';')[0] ?? '') : '',
      ]),
    },
    { kind: 'heading', level: 2, text: 'Simulation' },
    {
      kind: 'table',
      header: ['parameter', 'value', 'from', 'rule'],
      rows: a.mapping.map((m) => [m.parameter, String(m.value), m.field, m.rule]),
    },
    {
      kind: 'table',
      header: ['simulated outcome', 'estimate', 'origin'],
      rows: [
        ['proxy wins', interval(a.simulated.win), originText(a.simulated.win.provenance)],
        [
          'a win pays off',
          interval(a.simulated.payoffGivenWin),
          originText(a.simulated.payoffGivenWin.provenance),
        ],
        [
          'proxy defects, given a win',
          interval(a.simulated.defectedGivenWin),
          originText(a.simulated.defectedGivenWin.provenance),
        ],
        ['exposed', interval(a.simulated.exposed), originText(a.simulated.exposed.provenance)],
        [
          'discounted payoff (mean; p10, p50, p90)',
          `${interval(a.simulated.npv, (x) => fixed(x))}; ${fixed(a.simulated.npv.p10)}, ${fixed(a.simulated.npv.p50)}, ${fixed(a.simulated.npv.p90)}`,
          originText(a.simulated.npv.provenance),
        ],
      ],
    },
    {
      kind: 'chart',
      title: 'Distribution of the discounted payoff over the runs',
      options: () => npvChart(a),
    },
    { kind: 'heading', level: 2, text: 'Cost ledger' },
    {
      kind: 'table',
      header: ['', 'cost', 'estimate', 'origin', 'note'],
      rows: a.ledger.flatMap((entry) =>
        (entry.estimates.length > 0 ? entry.estimates : [undefined]).map((e, i) => [
          i === 0 ? entry.kind : '',
          i === 0 ? entry.label : '',
          e === undefined
            ? '—'
            : `${e.label}: ${e.figure.value <= 1 && e.figure.value >= 0 && e.label.includes('chance') ? interval(e.figure) : interval(e.figure, (x) => fixed(x))}`,
          e === undefined ? '' : originText(e.figure.provenance),
          i === 0 ? entry.note : '',
        ]),
      ),
    },
    { kind: 'heading', level: 2, text: 'Risk register' },
    {
      kind: 'table',
      header: ['failure mode', 'score', 'level', 'reason', 'origin'],
      rows: a.risks.map((r) => [
        r.title,
        fixed(r.score.value),
        r.level,
        r.reason,
        originText(r.score.provenance),
      ]),
    },
    { kind: 'heading', level: 2, text: 'Key assumptions' },
    {
      kind: 'paragraph',
      text: `Each input swept over a plausible range with the others held, ${a.provenance.sweepRuns} runs a point on seed ${a.provenance.seed}; the record's rates held fixed.`,
    },
    {
      kind: 'table',
      header: ['assumption', 'as given', 'P(pays off) and verdict across the range', 'flips the verdict'],
      rows: a.assumptions.map((s) => [
        s.field,
        String(s.currentValue),
        s.points.map((p) => `${p.value}: ${pct(p.payoff.value)} ${p.verdict}`).join('; '),
        s.flips.length === 0 ? 'no' : `yes: ${s.flips.map((f) => `${f.value} → ${f.verdict}`).join(', ')}`,
      ]),
    },
    ...a.assumptions.map(
      (s): Block => ({
        kind: 'chart',
        title: `P(pays off) as ${s.field} varies`,
        options: () => sweepChart(s),
      }),
    ),
    { kind: 'heading', level: 2, text: 'Sources of the comparables' },
    {
      kind: 'list',
      items: a.comparables.list.map(
        (c) => `${c.id}: ${distinctSources(c.sources).map(toReference).join(' ')}`,
      ),
    },
  ];
  return blocks;
}

function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');
  return [
    `| ${header.map(cell).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

function toMarkdown(blocks: readonly Block[]): string {
  return `${blocks
    .flatMap((b): string[] => {
      switch (b.kind) {
        case 'heading':
          return [`${'#'.repeat(b.level)} ${b.text}`];
        case 'paragraph':
          return [b.text];
        case 'list':
          return [b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${item}`).join('\n')];
        case 'table':
          return [markdownTable(b.header, b.rows)];
        default:
          // Markdown has no inline charts; the HTML report carries them.
          return [];
      }
    })
    .join('\n\n')}\n`;
}

const escapeHtml = (s: string): string =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** Markdown's `_emphasis_` around a whole paragraph, the one inline form the blocks use. */
const inline = (s: string): string =>
  /^_.*_$/.test(s) ? `<em>${escapeHtml(s.slice(1, -1))}</em>` : escapeHtml(s);

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:1em 0;font-size:13px}th,td{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f3f3f3}h1{font-size:1.6em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}
figure{display:inline-block;margin:0.5em 1em 0.5em 0}figcaption{font-size:12px;color:#555}
em{color:#555}`;

function toHtml(blocks: readonly Block[], title: string): string {
  const body = blocks.map((b): string => {
    switch (b.kind) {
      case 'heading':
        return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
      case 'paragraph':
        return `<p>${inline(b.text)}</p>`;
      case 'list': {
        const tag = b.ordered ? 'ol' : 'ul';
        return `<${tag}>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</${tag}>`;
      }
      case 'table':
        return `<table><thead><tr>${b.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
          .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`;
      default:
        return `<figure>${renderPlotSvg(b.options()).trim()}<figcaption>${escapeHtml(b.title)}</figcaption></figure>`;
    }
  });
  return `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n${body.join('\n')}\n</body>\n</html>\n`;
}

/**
 * The report. HTML is one file: inline CSS and inline SVG charts, nothing fetched from elsewhere, so that it
 * can be mailed or archived as it is.
 */
export function renderAssessmentReport(assessment: Assessment, format: AssessmentFormat): string {
  const blocks = blocksOf(assessment);
  return format === 'md' ? toMarkdown(blocks) : toHtml(blocks, `Assessment: ${assessment.operation.title}`);
}
