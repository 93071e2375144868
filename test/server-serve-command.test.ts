/** `meddle serve` in-process: bad options exit 2 with a clear message before anything listens. */
import { describe, expect, it } from 'vitest';
import { meddle } from './support/cli.js';

describe('meddle serve', () => {
  it('refuses a port that is not one', async () => {
    const run = await meddle(['serve', '--port', 'http'], { MEDDLE_DB: '/nonexistent/never-opened.db' });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('error: --port: not a port (got "http"; a whole number from 0 to 65535)\n');
  });

  it('is listed in the help with its defaults', async () => {
    const run = await meddle(['serve', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--port <port>');
    expect(run.stdout).toContain('(default: "8080")');
    expect(run.stdout).toContain('(default: "127.0.0.1")');
  });

  it('explains --allowed-host, the names besides loopback that requests may be addressed to', async () => {
    const run = await meddle(['serve', '--help']);
    expect(run.stdout).toContain('--allowed-host <name>');
    expect(run.stdout).toMatch(/421/);
    expect(run.stdout).toMatch(/repeatable/);
  });
});
