import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** A port that was free a moment ago (the OS picks it). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Polls `probe` until it returns a value, or throws with the last problem after `timeoutMs`. */
async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = 'nothing yet';
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}; last: ${String(last)}`);
}

function exited(child: ChildProcess): Promise<{ code: number | null; at: number }> {
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, at: Date.now() })));
}

interface Health {
  ok?: boolean;
  source: string;
  storeKind: string;
  trackedWallets: number;
  jobs: { name: string; running: boolean; lastSuccessAt: number | null; nextRunAt: number | null; lastRows: number }[];
  feed: { state: string } | null;
}

const dataDir = mkdtempSync(join(tmpdir(), 'whaletop-headless-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('whaletop --headless', () => {
  it('serves /health on loopback while syncing, and SIGTERM mid-run shuts down in order within 5 s', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['bin/whaletop.js', '--demo', '--headless', '--data-dir', dataDir, '--health-port', String(port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exit = exited(child);
    try {
      const health = await waitFor(
        async () => {
          const res = await fetch(`http://127.0.0.1:${port}/health`);
          const body = (await res.json()) as Health;
          // Wait until the leaderboard has landed and position-sync is in flight: the shutdown must abort it.
          const landed = body.jobs.find((j) => j.name === 'leaderboard-sync')?.lastSuccessAt !== null;
          return landed && body.jobs.find((j) => j.name === 'position-sync')?.running ? body : undefined;
        },
        '/health reporting leaderboard-sync done and position-sync running',
        90_000,
      );
      expect(health).toMatchObject({ source: 'demo', storeKind: 'embedded' });
      expect(health.jobs.map((j) => j.name)).toEqual(['market-sync', 'leaderboard-sync', 'holder-sync', 'position-sync', 'profile-enricher']);
      expect(health.jobs.find((j) => j.name === 'leaderboard-sync')?.lastRows).toBeGreaterThan(1000);
      expect(health.trackedWallets).toBeGreaterThan(1000);
      expect(health.feed).not.toBeNull();

      const signalledAt = Date.now();
      child.kill('SIGTERM');
      const { code, at } = await exit;
      expect(code).toBe(0);
      expect(at - signalledAt).toBeLessThan(5_000);

      const log = readFileSync(join(dataDir, 'whaletop.log'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { msg: string; step?: string; reason?: string });
      expect(log.find((l) => l.msg === 'shutdown')?.reason).toBe('SIGTERM');
      expect(log.filter((l) => l.msg === 'shutdown step failed')).toEqual([]);
    } finally {
      child.kill('SIGKILL');
    }
  }, 120_000);
});
