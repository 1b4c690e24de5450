/**
 * `npm run bench -- hostile` (issue 12, "Done when"): the real `whaletop --headless` against a hostile Polymarket
 * on loopback for HOSTILE_SECONDS (default 180) — 400 MB bodies on Gamma /markets and /events, 200 MB bodies on
 * every leaderboard page past the first (24 pages in flight), /positions dripping one byte every 5 s, /activity
 * answering 150 k junk records, error bodies full of OSC 0/52, C1 and bidi controls everywhere else. Measures the
 * process's peak RSS, how fast its log grows and how much disk it holds, /health's latency, and counts control
 * bytes in /health's body. `node bin/run-ts.js bench/hostile.ts --serve` only starts the server (for a tmux check
 * of the TUI with `pipe-pane`).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOSTILE_ERROR, hugeArray, junkArray, startHostileServer, type HostileServer } from '../test/helpers/hostile-server.ts';
import type { BenchResult } from './types.ts';

const MIB = 1024 * 1024;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const MARKET = { id: '1', conditionId: `0x${'a'.repeat(64)}`, question: 'q'.repeat(3000), clobTokenIds: '["1","2"]', outcomes: '["Yes","No"]' };

/** Wires every path of the three APIs to its hostile answer. */
function hostile(server: HostileServer): void {
  const junk = junkArray(150_000);
  const hostileError = JSON.stringify({ error: HOSTILE_ERROR });
  server.handler = (path, req) => {
    const q = new URL(req.url ?? '/', 'http://x').searchParams;
    if (path === '/markets' || path === '/events') return { chunks: () => hugeArray(MARKET, 400 * MIB) };
    if (path === '/v1/leaderboard') {
      // The OVERALL boards answer (so there are wallets to poll, and /positions and /activity are reached); every
      // other board's pages are 200 MB (leaderboard-sync has 24 of them in flight).
      if (q.get('category') !== 'OVERALL') return { chunks: () => hugeArray({ rank: '60', proxyWallet: `0x${'b'.repeat(40)}`, pnl: 1, vol: 1 }, 200 * MIB) };
      const board = `${q.get('timePeriod')}${q.get('orderBy')}`;
      const offset = Number(q.get('offset') ?? 0);
      const rows = Array.from({ length: 50 }, (_, i) => ({
        rank: String(offset + i + 1),
        proxyWallet: `0x${(Buffer.from(board).toString('hex') + (offset + i).toString(16).padStart(4, '0')).slice(-40).padStart(40, '0')}`,
        userName: `${HOSTILE_ERROR}whale${i}`,
        pnl: 1000 - i,
        vol: 5000 - i,
      }));
      return { body: JSON.stringify(rows) };
    }
    if (path === '/positions') return { chunks: function* () { yield '['; for (;;) yield ' '; }, dripMs: 5_000 };
    if (path === '/activity') return { body: junk };
    return { status: path === '/public-profile' ? 500 : 400, body: hostileError };
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function rssKb(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return { rss: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0), hwm: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) };
}

function logBytes(dir: string): number {
  return readdirSync(dir)
    .filter((f) => f.startsWith('whaletop.log'))
    .reduce((n, f) => n + statSync(join(dir, f)).size, 0);
}

/** The benchmark (see the module comment). */
export async function benchHostile(): Promise<BenchResult> {
  const seconds = Number(process.env.HOSTILE_SECONDS ?? 180);
  const server = await startHostileServer();
  hostile(server);
  const dataDir = mkdtempSync(join(tmpdir(), 'whaletop-hostile-'));
  const port = await freePort();
  const bin = fileURLToPath(new URL('../bin/whaletop.js', import.meta.url));
  const child = spawn(
    process.execPath,
    [bin, '--headless', '--data-dir', dataDir, '--health-port', String(port), '--data-api-url', server.url, '--gamma-url', server.url,
      '--clob-url', server.url, '--ws-url', server.url.replace('http', 'ws'), '--rate-fraction', '1'],
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const started = Date.now();
  let peakRss = 0;
  let healthMaxMs = 0;
  let healthFailures = 0;
  let healthControls = 0;
  let healthChecks = 0;
  let lastHealth = '';
  // A request /health's server answers without the store (404): how long the event loop itself keeps it waiting.
  let loopMaxMs = 0;
  // Start-up (engine open, migrations) is not measured: /health counts from its first answer on.
  for (let up = false; !up && Date.now() - started < 60_000 && child.exitCode === null; ) {
    await new Promise((r) => setTimeout(r, 200));
    up = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.text().then(() => true), () => false);
  }
  while (Date.now() - started < seconds * 1000 && child.exitCode === null) {
    await new Promise((r) => setTimeout(r, 2_000));
    try {
      peakRss = Math.max(peakRss, rssKb(child.pid!).rss);
    } catch {
      break;
    }
    const t0 = performance.now();
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(5_000) });
      lastHealth = await res.text();
      healthControls += (lastHealth.match(CONTROL) ?? []).length;
      healthChecks++;
    } catch {
      healthFailures++;
    }
    healthMaxMs = Math.max(healthMaxMs, performance.now() - t0);
    const t1 = performance.now();
    await fetch(`http://127.0.0.1:${port}/loop-probe`, { signal: AbortSignal.timeout(5_000) }).then((r) => r.text(), () => '');
    loopMaxMs = Math.max(loopMaxMs, performance.now() - t1);
  }
  const elapsedS = (Date.now() - started) / 1000;
  const hwm = child.exitCode === null ? rssKb(child.pid!).hwm : 0;
  const log = logBytes(dataDir);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  await server.close();
  const lastLog = readFileSync(join(dataDir, 'whaletop.log'), 'utf8');
  const logControls = (lastLog.match(CONTROL) ?? []).length;
  rmSync(dataDir, { recursive: true, force: true });
  if (healthChecks === 0) throw new Error(`whaletop never answered /health: ${stderr}`);
  return {
    name: 'hostile',
    metrics: {
      seconds: Math.round(elapsedS),
      peak_rss_mb: Math.round((Math.max(hwm, peakRss) / 1024) * 10) / 10,
      health_checks: healthChecks,
      health_failures: healthFailures,
      health_max_ms: Math.round(healthMaxMs),
      event_loop_probe_max_ms: Math.round(loopMaxMs),
      health_control_chars: healthControls,
      log_control_chars: logControls,
      log_mb_on_disk: Math.round((log / MIB) * 100) / 100,
      log_mb_per_hour: Math.round((log / MIB / elapsedS) * 3600 * 10) / 10,
      bytes_offered_mb: Math.round(server.bytesSent() / MIB),
    },
    notes: `jobs at the end: ${JSON.stringify((JSON.parse(lastHealth || '{}') as { jobs?: { name: string; lastError: string | null }[] }).jobs?.map((j) => `${j.name}: ${j.lastError ?? 'ok'}`) ?? [])}`,
  };
}

if (process.argv.includes('--serve')) {
  const server = await startHostileServer();
  hostile(server);
  process.stdout.write(`${server.url}\n`);
} else if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  process.stdout.write(`${JSON.stringify(await benchHostile(), null, 2)}\n`);
  process.exit(0);
}
