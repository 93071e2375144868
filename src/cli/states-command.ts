/** `meddle states`: the Correlates of War state list, to find a code. */
import type { Command } from 'commander';
import { textTable } from '../render/index.js';
import { loadStateTable } from '../store/index.js';
import { line } from './cli-io.js';
import { type CommandContext, json } from './command-context.js';
import { commandDescription } from './command-groups.js';

const spells = (list: readonly (readonly [number, number | null])[]): string =>
  list.map(([from, to]) => `${from}–${to ?? ''}`).join(', ');

export function registerStatesCommand(program: Command, context: CommandContext): void {
  program
    .command('states')
    .description(commandDescription('states'))
    .argument('[search]', 'part of a name or abbreviation')
    .option('--json', 'print JSON')
    .action((search: string | undefined, options: { json?: boolean }) => {
      const needle = search?.toLowerCase();
      const states = loadStateTable().states.filter(
        (s) =>
          needle === undefined || s.name.toLowerCase().includes(needle) || s.abbr.toLowerCase() === needle,
      );
      if (options.json === true) return context.io.out(json(states));
      line(
        context.io.out,
        textTable(
          ['cow', 'abbr', 'name', 'member', 'major power'],
          states.map((s) => [String(s.cow), s.abbr, s.name, spells(s.member), spells(s.major)]),
          { alignRight: [0] },
        ),
      );
    });
}
