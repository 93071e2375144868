import { describe, expect, it } from 'vitest';
import { COMMAND_GROUPS, commandWord, groupOf } from './command-groups.js';
import { buildFullProgram, buildProgram } from './program.js';

const io = { out() {}, err() {}, env: {}, interactive: false };

describe('the command groups a run loads', () => {
  it('list exactly the top-level commands the groups add, with their own descriptions', async () => {
    const full = await buildFullProgram(io);
    const listed = Object.fromEntries(COMMAND_GROUPS.flatMap((g) => Object.entries(g.commands)));
    expect(Object.fromEntries(full.commands.map((c) => [c.name(), c.description()]))).toEqual(listed);
  });

  it('load the group of each of its commands, and only it', async () => {
    for (const group of COMMAND_GROUPS)
      for (const name of Object.keys(group.commands)) {
        const program = await buildProgram(io, ['--db', 'x.db', name, '--json']);
        const names = program.commands.map((c) => c.name());
        expect(names).toEqual(Object.keys(group.commands));
        expect(program.commands.find((c) => c.name() === name)?.commands.length ?? 0).toBe(
          (await buildFullProgram(io)).commands.find((c) => c.name() === name)?.commands.length ?? 0,
        );
      }
  });

  it('finds the command after global options and their values, and through `help`', () => {
    expect(commandWord(['--db', 'sim', 'record', 'list'])).toBe('record');
    expect(commandWord(['--record', '2026.11.0', '--db', 'a.db', 'table', 'kind'])).toBe('table');
    expect(commandWord(['help', 'sim'])).toBe('sim');
    expect(commandWord(['--version'])).toBeUndefined();
    expect(groupOf('replicate')).toBe(groupOf('check-table'));
    expect(groupOf('recrd')).toBeUndefined();
  });
});
