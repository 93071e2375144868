/**
 * `meddle check-table` and `meddle replicate`: the literature's published results checked for inner
 * consistency, and set beside the same figures counted from the record.
 */
import type { Command } from 'commander';
import { textTable } from '../render/index.js';
import { checkPublished, checkTable, replicatePublished } from '../stats/index.js';
import { PUBLISHED_DIR, type PublishedEntry, publishedFiles, readPublishedFile } from '../store/index.js';
import { line } from './cli-io.js';
import { type CommandContext, json } from './command-context.js';
import { commandDescription } from './command-groups.js';
import { provenanceOf } from './record-labels.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const list = (items: readonly string[]) => items.map((m, i) => `  ${i + 1}. ${m}`).join('\n');

/** The check of one file as text: faults, notes and, for a table, the intervals its shares should carry. */
function checkText(entry: PublishedEntry): string {
  const { result } = entry;
  const check = checkPublished(result);
  const faults =
    check.faults.length === 0
      ? 'no faults: every figure agrees with the others and with itself'
      : `${plural(check.faults.length, 'fault')}:\n${list(check.faults.map((f) => f.message))}`;
  const notes = check.notes.length === 0 ? '' : `\nnotes:\n${list(check.notes)}`;
  if (result.kind !== 'table') return `${faults}${notes}`;
  const shares = textTable(
    ['row', 'column', 'count', 'base', 'printed %', 'exact %', '95% Wilson interval'],
    checkTable(result.table).shares.map((s) => [
      s.row,
      s.column,
      String(s.count),
      String(s.base),
      s.printed === undefined ? '' : String(s.printed),
      s.exact.toFixed(1),
      `${s.interval.lower.toFixed(1)}–${s.interval.upper.toFixed(1)}`,
    ]),
    { alignRight: [2, 3, 4, 5] },
  );
  return `${faults}${notes}\n\nshares and the intervals they should carry\n${shares}`;
}

export function registerPublishedCommands(program: Command, context: CommandContext): void {
  const { io } = context;
  program
    .command('check-table')
    .description(commandDescription('check-table'))
    .argument(
      '<file>',
      'a published result (data/published/*.yaml) or a table alone in meddle’s YAML table format (docs/methods.md)',
    )
    .option('--json', 'print JSON')
    .action((file: string, options: { json?: boolean }) => {
      const entry = readPublishedFile(file);
      if (options.json === true) {
        const { result } = entry;
        // A table keeps the detailed faults and shares it has always printed.
        const body =
          result.kind === 'table' ? { ...checkTable(result.table), notes: [] } : checkPublished(result);
        io.out(json({ file, id: result.id, kind: result.kind, ...body }));
        return;
      }
      line(io.out, checkText(entry));
    });

  program
    .command('replicate')
    .description(commandDescription('replicate'))
    .argument('[files...]', `published results to replicate (default: every file in ${PUBLISHED_DIR})`)
    .option('--json', 'print JSON with provenance')
    .action(async (files: string[], options: { json?: boolean }, command: Command) => {
      const entries = (files.length > 0 ? files : publishedFiles()).map(readPublishedFile);
      await context.withStore(command, async (store) => {
        const episodes = await store.listEpisodes([]);
        const rows = entries.map((entry) => {
          const check = checkPublished(entry.result);
          const replication =
            entry.replication === undefined
              ? undefined
              : replicatePublished(entry.result, entry.replication(), episodes);
          return { file: entry.file, id: entry.result.id, title: entry.result.title, check, replication };
        });
        if (options.json === true) {
          io.out(json({ ...(await provenanceOf(store)), results: rows }));
          return;
        }
        const blocks = rows.map(({ id, title, check, replication }) => {
          const faults =
            check.faults.length === 0
              ? ''
              : `\n  inner faults: ${check.faults.map((f) => f.message).join('; ')}`;
          if (replication === undefined)
            return `${id}: ${title}${faults}\n  not replicated: the file says no universe`;
          if (replication.unavailable !== undefined)
            return `${id}: ${title}${faults}\n  not replicable: ${replication.unavailable}`;
          const table = textTable(
            ['figure', 'published', 'ours', 'published %', 'ours % (95% interval)', 'ours − published'],
            replication.lines.map((l) => [
              l.figure,
              l.published,
              l.ours,
              l.share === undefined ? '' : l.share.published.toFixed(1),
              l.share === undefined
                ? ''
                : `${l.share.ours.toFixed(1)} (${l.share.lower.toFixed(1)}–${l.share.upper.toFixed(1)})${l.share.inside ? '' : ' *'}`,
              l.difference === undefined
                ? ''
                : `${l.difference > 0 ? '+' : ''}${l.share === undefined ? l.difference : `${l.difference.toFixed(1)} pts`}`,
            ]),
            { alignRight: [1, 2, 3, 5] },
          );
          const notes = replication.notes.map((n) => `\n  ${n}`).join('');
          return `${id}: ${title} (${plural(replication.universe, 'episode')} in the universe)${faults}\n${table}${notes}`;
        });
        const provenance = await provenanceOf(store);
        line(
          io.out,
          `${blocks.join('\n\n')}\n\n* the published share lies outside our 95 % interval\nrecord ${provenance.record.version}, sha256 ${provenance.record.hash.slice(0, 16)}…, meddle ${provenance.meddle}`,
        );
      });
    });
}
