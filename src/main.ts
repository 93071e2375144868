#!/usr/bin/env node
/** The `meddle` executable: the CLI, with the edges it drives wired in by the composition root. */
import { processIo } from './cli/cli-io.js';
import { runCli } from './cli/run-cli.js';
import { ports } from './compose.js';

process.exitCode = await runCli(process.argv.slice(2), processIo(), ports);
