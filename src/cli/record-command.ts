/** `meddle record …`: list, show, import, export, validate and summarise the episode record. */
import { existsSync } from 'node:fs';
import { type Command, Option } from 'commander';
import {
  COVERAGE_TARGETS,
  type CoverageField,
  coverage,
  diffRecords,
  type Episode,
  formatIssueAs,
  InputError,
  type LintFinding,
  lintRecord,
  percent,
  unknownsOf,
  validateEpisodes,
} from '../domain/index.js';
import { textTable } from '../render/text-table.js';
import {
  bundledRecordFiles,
  formatEpisodesCsv,
  formatEpisodesJson,
  importRecords,
  listReleases,
  loadMidReference,
  loadRelease,
  loadStateTable,
  parseFilter,
  readRecordFile,
  recordProvenance,
  writeFileAtomic,
} from '../store/index.js';
import { line } from './cli-io.js';
import { cliRoles } from './cli-roles.js';
import { type CommandContext, collect, json } from './command-context.js';
import { commandDescription } from './command-groups.js';
import { provenanceOf, stateAbbr, stateName } from './record-labels.js';
import { ReportedBadInput } from './reported-bad-input.js';

const WHERE_HELP = 'keep episodes where FIELD equals VALUE (repeatable; list fields match any value)';

const resolveState = (name: string): number | undefined => loadStateTable().find(name)?.cow;

const years = (e: Pick<Episode, 'startYear' | 'endYear'>): string =>
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
  const base = {
    'proxy-won': 'proxies that won or partly won',
    covert: 'covert episodes',
    all: 'all episodes',
  };
  const known = textTable(
    ['field', 'known', 'of', 'share', 'target', '', 'asked of'],
    c.known.map((k) => [
      k.field,
      String(k.known),
      String(k.episodes),
      percent(k.episodes === 0 ? 1 : k.known / k.episodes),
      percent(k.target),
      k.met ? 'met' : 'short',
      base[k.of],
    ]),
    { alignRight: [1, 2, 3, 4] },
  );
  return [
    `${c.episodes} episodes`,
    block('by interferer', c.byInterferer),
    block('by decade', c.byDecade),
    block('by kind', c.byKind),
    block('by side', c.bySide),
    block('by target class', c.byTargetClass),
    `unknown outcomes\n${unknowns}`,
    `levels 2 and 3 against the codebook's coverage targets\n${known}`,
  ].join('\n\n');
}

/** A release by its name, or a record file (CSV or JSON) by its path, with what identifies it. */
function recordOf(name: string): { label: string; episodes: readonly Episode[] } {
  if (listReleases().includes(name)) {
    const { episodes, provenance } = loadRelease(name);
    return { label: `${name} (sha256 ${provenance.hash.slice(0, 16)}…)`, episodes };
  }
  if (!existsSync(name))
    throw new InputError({
      field: 'record',
      value: name,
      message: 'neither a release nor a file',
      hint: `a file path, or one of ${listReleases().join(', ')}`,
    });
  const { episodes, issues } = validateEpisodes(readRecordFile(name), loadStateTable(), name);
  if (issues.length > 0) throw new InputError(issues);
  const { hash } = recordProvenance('file', episodes);
  return { label: `${name} (sha256 ${hash.slice(0, 16)}…)`, episodes };
}

/** Short values in full; sources, bases and notes only as changed, which --json shows whole. */
const shown = (value: unknown): string => {
  const text = JSON.stringify(value) ?? 'null';
  return text.length <= 60 ? text : '(changed)';
};

export function registerRecordCommands(program: Command, context: CommandContext): void {
  const { io } = context;
  const record = program.command('record').description(commandDescription('record'));

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
    .command('releases')
    .description('list the releases of the bundled record that --record and record diff accept, newest first')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) => {
      const rows = listReleases().map((version) => loadRelease(version).provenance);
      if (options.json === true) io.out(json(rows));
      else
        line(
          io.out,
          textTable(
            ['release', 'episodes', 'sha256'],
            rows.map((r) => [r.version, String(r.episodes), r.hash]),
            { alignRight: [1] },
          ),
        );
    });

  record
    .command('diff')
    .description(
      'what changed between two releases or record files: episodes added and removed, every field changed',
    )
    .argument('<old>', 'a release (e.g. 2026.11.0) or a record file')
    .argument('<new>', 'a release or a record file')
    .option('--summary', 'only the counts: episodes added, removed and changed, and changes per field')
    .option('--json', 'print JSON (every change with both values)')
    .action((oldName: string, newName: string, options: { summary?: boolean; json?: boolean }) => {
      const before = recordOf(oldName);
      const after = recordOf(newName);
      const diff = diffRecords(before.episodes, after.episodes);
      if (options.json === true) {
        io.out(json({ old: before.label, new: after.label, ...diff }));
        return;
      }
      const out: string[] = [
        `${before.label} → ${after.label}`,
        `${before.episodes.length} → ${after.episodes.length} episodes: ${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed`,
      ];
      if (diff.changed.length > 0)
        out.push(
          `\nchanges by field\n${textTable(
            ['field', 'episodes'],
            Object.entries(diff.byField).map(([f, n]) => [f, String(n)]),
            { alignRight: [1] },
          )}`,
        );
      if (options.summary !== true) {
        if (diff.added.length > 0) out.push(`\nadded\n${diff.added.map((id) => `  ${id}`).join('\n')}`);
        if (diff.removed.length > 0) out.push(`\nremoved\n${diff.removed.map((id) => `  ${id}`).join('\n')}`);
        for (const { id, changes } of diff.changed)
          out.push(
            `\n${id}\n${changes.map((c) => `  ${c.field}: ${shown(c.from)} → ${shown(c.to)}`).join('\n')}`,
          );
      }
      line(io.out, out.join('\n'));
    });

  record
    .command('lint')
    .description(
      "check the record's standards: a basis for every level-2/3 value, the window, sources that name the work and give the episode standing, and dispute against the MID data",
    )
    .argument('[files...]', 'record files (CSV or JSON) to check together; the bundled record by default')
    .option('--present <year>', 'the year taken as now (default: this year)')
    .option('--no-mid', 'skip the rules that compare with the bundled MID extract')
    .option(
      '--no-citations',
      "skip the check that each source names the work at its own address (docs/codebook.md, 'Citing the work')",
    )
    .option('--json', 'print the findings as JSON')
    .action(
      (files: string[], options: { present?: string; mid: boolean; citations: boolean; json?: boolean }) => {
        const present = options.present === undefined ? new Date().getUTCFullYear() : Number(options.present);
        if (!Number.isInteger(present) || present < 1800 || present > 2100)
          throw new InputError({
            field: '--present',
            value: String(options.present),
            message: 'not a year',
            hint: 'give a year such as 2026',
          });
        const paths = files.length > 0 ? files : bundledRecordFiles();
        const records = paths.flatMap((path) => readRecordFile(path).map((r) => ({ ...r, file: path })));
        const { episodes, issues } = validateEpisodes(records, loadStateTable());
        if (issues.length > 0) throw new InputError(issues);
        const fileOf = new Map(records.map((r) => [String((r.value as { id?: unknown }).id), r.file]));
        const findings: LintFinding[] = lintRecord(episodes, {
          present,
          citations: options.citations,
          ...(options.mid ? { mid: loadMidReference() } : {}),
        }).map((f) => ({ ...f, file: fileOf.get(f.id) ?? '' }));
        if (options.json === true) io.out(json({ present, episodes: episodes.length, findings }));
        else {
          for (const { file: _file, ...f } of findings)
            line(io.out, `${f.rule}  ${f.id}  ${formatIssueAs(f, cliRoles)}`);
          const affected = new Set(findings.map((f) => f.id)).size;
          line(
            io.out,
            findings.length === 0
              ? `${episodes.length} episodes: no findings`
              : `${episodes.length} episodes: ${findings.length} findings in ${affected}`,
          );
        }
        if (findings.length > 0)
          throw new ReportedBadInput(
            `record lint: ${findings.length} finding${findings.length === 1 ? '' : 's'}; nothing was changed`,
          );
      },
    );

  record
    .command('stats')
    .description(
      'coverage by interferer, decade, kind, side and target class, unknown outcomes per level, and levels 2 and 3 against their targets',
    )
    .option('--where <FIELD=VALUE>', WHERE_HELP, collect, [])
    .addOption(
      new Option(
        '--unknown <field>',
        'instead, the work list of one level-2/3 field: its unknowns where the codebook asks it, with what was looked for',
      ).choices(COVERAGE_TARGETS.map((t) => t.field)),
    )
    .option('--json', 'print JSON with provenance')
    .action(
      async (options: { where: string[]; unknown?: CoverageField; json?: boolean }, command: Command) => {
        const filter = parseFilter(options.where, resolveState);
        await context.withStore(command, async (store) => {
          const episodes = await store.listEpisodes(filter);
          const provenance = await provenanceOf(store);
          const footer = `\nrecord ${provenance.record.version}, sha256 ${provenance.record.hash.slice(0, 16)}…, meddle ${provenance.meddle}`;
          if (options.unknown !== undefined) {
            const field = options.unknown;
            const unknowns = unknownsOf(episodes, field);
            if (options.json === true) io.out(json({ ...provenance, where: options.where, field, unknowns }));
            else {
              const rows = unknowns.map((u) => [u.id, years(u), u.reason]);
              line(io.out, `${unknowns.length} episodes with ${field} unknown\n`);
              if (rows.length > 0) line(io.out, textTable(['episode', 'years', 'what was looked for'], rows));
              line(io.out, footer);
            }
            return;
          }
          const summary = coverage(episodes, stateName);
          if (options.json === true) io.out(json({ ...provenance, where: options.where, coverage: summary }));
          else {
            line(io.out, coverageText(summary));
            line(io.out, footer);
          }
        });
      },
    );
}
