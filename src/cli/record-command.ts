/** `meddle record …`: list, show, import, export, validate and summarise the episode record. */
import type { Command } from 'commander';
import { coverage, type Episode, InputError, validateEpisodes } from '../domain/index.js';
import { textTable } from '../render/index.js';
import {
  formatEpisodesCsv,
  formatEpisodesJson,
  importRecords,
  loadStateTable,
  parseFilter,
  readRecordFile,
  recordProvenance,
  writeFileAtomic,
} from '../store/index.js';
import { line } from './cli-io.js';
import { type CommandContext, collect, json, provenanceOf, stateAbbr, stateName } from './command-context.js';

const WHERE_HELP = 'keep episodes where FIELD equals VALUE (repeatable; list fields match any value)';

const resolveState = (name: string): number | undefined => loadStateTable().find(name)?.cow;

const years = (e: Episode): string =>
  e.endYear === e.startYear ? String(e.startYear) : `${e.startYear}–${e.endYear ?? ''}`;

function listTable(episodes: readonly Episode[]): string {
  return textTable(
    ['id', 'years', 'by', 'target', 'class', 'kind', 'side', 'proxy'],
    episodes.map((e) => [
      e.id,
      years(e),
      [e.interferer, ...e.partners].map(stateAbbr).join('+'),
      stateAbbr(e.target),
      e.targetClass === 'major-power' ? 'major' : 'minor',
      e.kind,
      e.side,
      e.proxyOutcome,
    ]),
  );
}

function describe(e: Episode): string {
  const rows: [string, string][] = [
    ['title', e.title],
    ['interferer', [e.interferer, ...e.partners].map((c) => `${stateName(c)} (${c})`).join(', ')],
    ['target', `${stateName(e.target)} (${e.target}), ${e.targetClass}`],
    ['years', years(e)],
    ['kind', `${e.kind}, backing the ${e.side}, ${e.covert ? 'covert' : 'overt'}`],
    ['means', e.means.join(', ')],
    ['rationale', e.rationale.join(', ')],
    ['proxy', `${e.proxyName} (${e.proxyType})`],
    ['1 proxy', e.proxyOutcome],
    ['2 payoff', e.payoff + (e.payoffLostYear !== null ? ` (lost ${e.payoffLostYear})` : '')],
    [
      '3 costs',
      `defected ${e.defected}${e.defectedYear !== null ? ` (${e.defectedYear})` : ''}, exposed ${e.exposed}, dispute ${e.dispute}, grievance ${e.grievance}`,
    ],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const body = rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
  const sources = e.sources
    .map(
      (s, i) =>
        `  [${i + 1}] ${s.authors.join('; ')} (${s.year ?? 'n.d.'}). ${s.title}.${s.container !== undefined ? ` ${s.container}.` : ''}${s.page !== undefined ? ` ${s.page}.` : ''}${s.url !== undefined ? ` ${s.url}` : ''}${s.doi !== undefined ? ` doi:${s.doi}` : ''}`,
    )
    .join('\n');
  return `${e.id}\n${body}\n\nnotes\n  ${e.notes || '(none)'}\n\nsources\n${sources}`;
}

function coverageText(c: ReturnType<typeof coverage>): string {
  const block = (title: string, counts: Readonly<Record<string, number>>) =>
    `${title}\n${textTable(
      ['', 'episodes'],
      Object.entries(counts).map(([k, n]) => [k, String(n)]),
      { alignRight: [1] },
    )}`;
  const u = c.unknown;
  const unknowns = textTable(
    ['level', 'field', 'unknown', 'of'],
    [
      ['1 proxy', 'proxyOutcome', String(u.proxy.proxyOutcome), String(c.episodes)],
      ['2 payoff', 'payoff', String(u.payoff.payoff), String(c.episodes)],
      ...Object.entries(u.hiddenCosts).map(([f, n]) => ['3 hidden costs', f, String(n), String(c.episodes)]),
    ],
    { alignRight: [2, 3] },
  );
  return [
    `${c.episodes} episodes`,
    block('by interferer', c.byInterferer),
    block('by decade', c.byDecade),
    block('by kind', c.byKind),
    block('by side', c.bySide),
    block('by target class', c.byTargetClass),
    `unknown outcomes\n${unknowns}`,
  ].join('\n\n');
}

export function registerRecordCommands(program: Command, context: CommandContext): void {
  const { io } = context;
  const record = program.command('record').description('the episode record: query, import, export, validate');

  record
    .command('list')
    .description('list episodes, optionally filtered')
    .option('--where <FIELD=VALUE>', WHERE_HELP, collect, [])
    .option('--json', 'print JSON with provenance')
    .action(async (options: { where: string[]; json?: boolean }, command: Command) => {
      const filter = parseFilter(options.where, resolveState);
      await context.withStore(command, async (store) => {
        const episodes = await store.listEpisodes(filter);
        if (options.json === true) {
          io.out(
            json({ ...(await provenanceOf(store)), where: options.where, count: episodes.length, episodes }),
          );
          return;
        }
        line(io.out, episodes.length === 0 ? 'no episodes match' : listTable(episodes));
        line(io.err, `${episodes.length} episode${episodes.length === 1 ? '' : 's'} from ${store.location}`);
      });
    });

  record
    .command('show')
    .description('one episode in full, with its sources')
    .argument('<id>', 'the episode id, e.g. usa-ita-1948-election')
    .option('--json', 'print JSON')
    .action(async (id: string, options: { json?: boolean }, command: Command) => {
      await context.withStore(command, async (store) => {
        const episode = await store.getEpisode(id);
        if (episode === undefined) {
          const ids = (await store.listEpisodes()).map((e) => e.id);
          const near = ids.filter((known) => known.includes(id) || id.includes(known)).slice(0, 5);
          throw new InputError({
            field: 'id',
            value: id,
            message: 'no such episode',
            hint: near.length > 0 ? `did you mean ${near.join(', ')}?` : 'see `meddle record list`',
          });
        }
        io.out(options.json === true ? json(episode) : `${describe(episode)}\n`);
      });
    });

  record
    .command('import')
    .description('add episodes from a CSV or JSON file: all are checked first, then all or none are written')
    .argument('<file>', 'the file to import')
    .option('--format <format>', 'csv or json (default: from the file name)')
    .option('--dry-run', 'check everything, write nothing')
    .option('--replace', 'overwrite stored episodes that have the same id')
    .option('--json', 'print the report as JSON')
    .action(
      async (
        file: string,
        options: { format?: string; dryRun?: boolean; replace?: boolean; json?: boolean },
        command: Command,
      ) => {
        const records = readRecordFile(file, options.format);
        await context.withStore(command, async (store) => {
          const report = await importRecords(store, records, loadStateTable(), {
            onExisting: options.replace === true ? 'replace' : 'reject',
            dryRun: options.dryRun === true,
          });
          const summary = {
            file,
            dryRun: report.dryRun,
            inserted: report.inserted.length,
            replaced: report.replaced.length,
            ids: report.episodes.map((e) => e.id),
          };
          if (options.json === true) io.out(json(summary));
          else
            line(
              io.out,
              `${report.dryRun ? 'dry run: would import' : 'imported'} ${report.episodes.length} episodes from ${file} into ${store.location} (${summary.inserted} new, ${summary.replaced} replaced)`,
            );
        });
      },
    );

  record
    .command('export')
    .description('write the record (or a selection) as CSV or JSON')
    .option('--format <format>', 'csv or json', 'json')
    .option('--out <file>', 'write to a file (atomically) instead of standard output')
    .option('--where <FIELD=VALUE>', WHERE_HELP, collect, [])
    .action(async (options: { format: string; out?: string; where: string[] }, command: Command) => {
      if (options.format !== 'csv' && options.format !== 'json')
        throw new InputError({
          field: '--format',
          value: options.format,
          message: 'unknown format',
          hint: 'csv or json',
        });
      const filter = parseFilter(options.where, resolveState);
      await context.withStore(command, async (store) => {
        const episodes = await store.listEpisodes(filter);
        const text =
          options.format === 'csv'
            ? formatEpisodesCsv(episodes)
            : formatEpisodesJson(episodes, recordProvenance(await store.recordVersion(), episodes));
        if (options.out === undefined) io.out(text);
        else {
          writeFileAtomic(options.out, text);
          line(io.err, `wrote ${episodes.length} episodes to ${options.out}`);
        }
      });
    });

  record
    .command('validate')
    .description('check a CSV or JSON record file against the codebook, without a database')
    .argument('<file>', 'the file to check')
    .option('--format <format>', 'csv or json (default: from the file name)')
    .action((file: string, options: { format?: string }) => {
      const records = readRecordFile(file, options.format);
      const { episodes, issues } = validateEpisodes(records, loadStateTable(), file);
      if (issues.length > 0) throw new InputError(issues);
      line(io.out, `${file}: ${episodes.length} episodes, all valid`);
    });

  record
    .command('stats')
    .description(
      'coverage by interferer, decade, kind, side and target class, and unknown outcomes per level',
    )
    .option('--where <FIELD=VALUE>', WHERE_HELP, collect, [])
    .option('--json', 'print JSON with provenance')
    .action(async (options: { where: string[]; json?: boolean }, command: Command) => {
      const filter = parseFilter(options.where, resolveState);
      await context.withStore(command, async (store) => {
        const episodes = await store.listEpisodes(filter);
        const summary = coverage(episodes, stateName);
        if (options.json === true)
          io.out(json({ ...(await provenanceOf(store)), where: options.where, coverage: summary }));
        else {
          const provenance = await provenanceOf(store);
          line(io.out, coverageText(summary));
          line(
            io.out,
            `\nrecord ${provenance.record.version}, sha256 ${provenance.record.hash.slice(0, 16)}…, meddle ${provenance.meddle}`,
          );
        }
      });
    });
}
