/**
 * The command groups of `meddle`, each with the top-level commands it adds, what they do and how to load it. A run
 * loads only the group its command belongs to (or none, for `--version` and the top-level help), so that a command
 * does not pay for the web server, the queue and the renderer it does not use.
 */
import type { Command } from 'commander';
import type { CommandContext } from './command-context.js';

type Register = (program: Command, context: CommandContext) => void;

export interface CommandGroup {
  /** The top-level commands the group adds, each with its one-line description (for the top-level help). */
  readonly commands: Readonly<Record<string, string>>;
  readonly load: () => Promise<Register>;
}

export const COMMAND_GROUPS: readonly CommandGroup[] = [
  {
    commands: { record: 'the episode record: query, import, export, validate' },
    load: async () => (await import('./record-command.js')).registerRecordCommands,
  },
  {
    commands: { db: 'the database behind the record' },
    load: async () => (await import('./db-command.js')).registerDbCommands,
  },
  {
    commands: { cite: 'the sources behind the selected episodes, each once' },
    load: async () => (await import('./cite-command.js')).registerCiteCommand,
  },
  {
    commands: {
      states: 'Correlates of War states: code, abbreviation, name, years as a member and as a major power',
    },
    load: async () => (await import('./states-command.js')).registerStatesCommand,
  },
  {
    commands: {
      trace:
        'trace a case: timeline with mechanism tags, leverage and grievance arc, indicators, ACH and Bayesian updates',
    },
    load: async () => (await import('./trace-command.js')).registerTraceCommand,
  },
  {
    commands: {
      table:
        'cross-tabulate two coded fields: counts, column shares with intervals, margins, and the test of association',
    },
    load: async () => (await import('./table-command.js')).registerTableCommands,
  },
  {
    commands: {
      'check-table':
        'check a published result for inner consistency: totals, margins and percentages that do not add up, rates against their "one in N", sources that disagree, parts against their total',
      replicate:
        'set each published result beside the same figure counted from the record: same universe and years, the published value, ours with its 95 % Wilson interval, and the difference',
    },
    load: async () => (await import('./published-command.js')).registerPublishedCommands,
  },
  {
    commands: { model: 'statistical models of the record' },
    load: async () => (await import('./model-command.js')).registerModelCommands,
  },
  {
    commands: {
      survival:
        'time from a proxy taking power to its defection (or the loss of the payoff), censored at the last year it was seen aligned: Kaplan–Meier curves, medians and the log-rank test',
    },
    load: async () => (await import('./survival-command.js')).registerSurvivalCommand,
  },
  {
    commands: {
      agreement:
        "intercoder reliability: Krippendorff's α per field with a bootstrap interval, and where coders disagree most",
    },
    load: async () => (await import('./agreement-command.js')).registerAgreementCommand,
  },
  {
    commands: {
      serve:
        'serve the JSON API (/api, described at /api/openapi.json) and the web app; writes need $MEDDLE_TOKEN',
    },
    load: async () => (await import('./serve-command.js')).registerServeCommand,
  },
  {
    commands: {
      sim: 'the principal–agent simulation of interference',
      worker: 'take sweep jobs off a BullMQ queue on Redis and run them, until interrupted',
    },
    load: async () => (await import('./sim-command.js')).registerSimCommands,
  },
  {
    commands: {
      assess:
        'assess a proposed operation: comparables, pooled base rates, simulated outcomes, cost ledger, risks, verdict and key assumptions',
    },
    load: async () => (await import('./assess-command.js')).registerAssessCommand,
  },
];

/** A top-level command's description, as the group table gives it: the one text its help and the top-level list show. */
export function commandDescription(name: string): string {
  const description = COMMAND_GROUPS.map((g) => g.commands[name]).find((d) => d !== undefined);
  if (description === undefined) throw new Error(`no command group adds ${name}`);
  return description;
}

/** Options of the program itself that take a value, so that the command after them can be found. */
const GLOBAL_OPTIONS_WITH_VALUE = new Set(['--db', '--record']);

/** The first word of `argv` that is not a global option or its value: the command the run asks for, if any. */
export function commandWord(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] as string;
    if (GLOBAL_OPTIONS_WITH_VALUE.has(word)) {
      i++;
      continue;
    }
    if (word.startsWith('-')) continue;
    // `meddle help record` asks for the record group's help.
    return word === 'help' ? (argv[i + 1] ?? word) : word;
  }
  return undefined;
}

/** The group that adds `word` as a top-level command. */
export function groupOf(word: string | undefined): CommandGroup | undefined {
  return word === undefined ? undefined : COMMAND_GROUPS.find((g) => word in g.commands);
}
