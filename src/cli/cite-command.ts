/** `meddle cite`: the sources behind a selection of episodes, as BibTeX or reference lines. */
import type { Command } from 'commander';
import { InputError } from '../domain/index.js';
import { distinctSources, toBibtex, toReference } from '../render/index.js';
import { loadStateTable, parseFilter } from '../store/index.js';
import { line } from './cli-io.js';
import { type CommandContext, collect } from './command-context.js';
import { commandDescription } from './command-groups.js';

export function registerCiteCommand(program: Command, context: CommandContext): void {
  program
    .command('cite')
    .description(commandDescription('cite'))
    .option('--where <FIELD=VALUE>', 'keep episodes where FIELD equals VALUE (repeatable)', collect, [])
    .option('--format <format>', 'bibtex or text', 'bibtex')
    .action(async (options: { where: string[]; format: string }, command: Command) => {
      if (options.format !== 'bibtex' && options.format !== 'text')
        throw new InputError({
          field: '--format',
          value: options.format,
          message: 'unknown format',
          hint: 'bibtex or text',
        });
      const filter = parseFilter(options.where, (name) => loadStateTable().find(name)?.cow);
      await context.withStore(command, async (store) => {
        const sources = distinctSources((await store.listEpisodes(filter)).flatMap((e) => e.sources));
        line(
          context.io.out,
          options.format === 'bibtex' ? toBibtex(sources) : sources.map(toReference).join('\n'),
        );
      });
    });
}
