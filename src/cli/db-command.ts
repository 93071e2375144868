/** `meddle db …`: make a new database. */
import type { Command } from 'commander';
import { initStore, openStore } from '../store/index.js';
import { line } from './cli-io.js';
import type { CommandContext } from './command-context.js';
import { commandDescription } from './command-groups.js';

export function registerDbCommands(program: Command, context: CommandContext): void {
  const db = program.command('db').description(commandDescription('db'));
  db.command('init')
    .description('make a new database, seeded with the bundled record unless --empty')
    .option('--empty', 'start with no episodes')
    .option('--force', 'replace a database that is already there')
    .action(async (options: { empty?: boolean; force?: boolean }, command: Command) => {
      const spec = context.dbSpec(command);
      await initStore(spec, {
        seed: options.empty === true ? 'empty' : 'bundled',
        force: options.force === true,
      });
      const store = await openStore(spec);
      try {
        const count = (await store.listEpisodes()).length;
        line(
          context.io.out,
          `initialised ${store.location} with ${count} episodes (record ${await store.recordVersion()})`,
        );
      } finally {
        await store.close();
      }
    });
}
