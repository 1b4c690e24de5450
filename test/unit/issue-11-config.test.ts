/**
 * Issue 11: demo and live data have their own default stores (defect 2), and a boolean environment variable that
 * is not a boolean stops the program with one line and exit code 2, like a bad flag (defect 9).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseCli } from '../../src/config/index.ts';

const env = { HOME: '/home/trader' } as NodeJS.ProcessEnv;
const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

function config(argv: string[], e: NodeJS.ProcessEnv = env) {
  const request = parseCli(argv, e);
  if (request.kind !== 'run') throw new Error(`expected a run request, got ${request.kind}`);
  return request.config;
}

describe('issue-11 demo data has a store of its own', () => {
  it('--demo (or WHALETOP_DEMO=1) defaults to whaletop-demo beside the live store, log included', () => {
    expect(config([]).dataDir).toBe('/home/trader/.local/share/whaletop');
    expect(config(['--demo']).dataDir).toBe('/home/trader/.local/share/whaletop-demo');
    expect(config(['--demo']).logFile).toBe('/home/trader/.local/share/whaletop-demo/whaletop.log');
    expect(config([], { ...env, WHALETOP_DEMO: 'yes' }).dataDir).toBe('/home/trader/.local/share/whaletop-demo');
    expect(config(['--demo'], { ...env, XDG_DATA_HOME: '/xdg' }).dataDir).toBe('/xdg/whaletop-demo');
    // An explicit directory is the user's choice; the store itself then refuses to mix (store/source.ts).
    expect(config(['--demo', '--data-dir', '/srv/wt']).dataDir).toBe('/srv/wt');
  });
});

describe('issue-11 boolean environment variables', () => {
  it('accepts 1/0, true/false, yes/no, on/off in any case', () => {
    for (const v of ['1', 'true', 'YES', 'On']) expect(config([], { ...env, WHALETOP_DEMO: v }).demo, v).toBe(true);
    for (const v of ['0', 'false', 'No', 'OFF']) expect(config([], { ...env, WHALETOP_DEMO: v }).demo, v).toBe(false);
    expect(config([], { ...env, WHALETOP_ALERT_BELL: 'true' }).alertBell).toBe(true);
  });

  it('rejects anything else with one line naming the variable and the value', () => {
    expect(() => parseCli([], { ...env, WHALETOP_DEMO: 'ture' })).toThrow(ConfigError);
    expect(() => parseCli([], { ...env, WHALETOP_DEMO: 'ture' })).toThrow("invalid value for WHALETOP_DEMO (--demo): 'ture' is not a boolean (use 1/0, true/false, yes/no or on/off)");
    expect(() => parseCli([], { ...env, WHALETOP_ALERT_BELL: '2' })).toThrow(/WHALETOP_ALERT_BELL/);
  });

  it('the executable prints that line on stderr and exits 2', () => {
    const r = spawnSync(process.execPath, ['bin/whaletop.js', '--health-port', '0'], {
      cwd: repoRoot,
      env: { ...process.env, WHALETOP_DEMO: 'ture', WHALETOP_DATA_DIR: '/nonexistent/never-created' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain("WHALETOP_DEMO (--demo): 'ture' is not a boolean");
  });
});
