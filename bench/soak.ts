/**
 * `npm run soak -- [--hours 6] [--interval 30] [--out soak.csv] [--tmux-socket whaletop-soak] [--data-dir DIR]`:
 * runs `whaletop --demo` in a detached 160×45 tmux session, as a person leaves it running in a pane, samples the
 * process's resident set every interval, and at the end fits growth per hour by least squares over hours 0.5 to
 * the end (bench/soak-fit.ts says why a fit). The CSV grows as it runs; `npm run soak -- --analyse soak.csv`
 * reports on a run in progress or finished. Target (issue 16): ≤ 2 MB/hour over 6 hours.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fitRssGrowth, parseSoakCsv, rssCurve } from './soak-fit.ts';

const args = process.argv.slice(2);
function flag(name: string, fallback: string): string {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1]! : fallback;
}

function report(csvPath: string): void {
  const samples = parseSoakCsv(readFileSync(csvPath, 'utf8'));
  const last = samples.at(-1);
  process.stdout.write(`samples: ${samples.length}, run: ${last ? (last.seconds / 3600).toFixed(2) : 0} h\n`);
  process.stdout.write('curve (mean RSS per 15 min):\n');
  for (const point of rssCurve(samples)) process.stdout.write(`  ${String(point.fromMinutes).padStart(4)} min  ${point.meanMb.toFixed(0)} MB\n`);
  const fit = fitRssGrowth(samples, 0.5);
  if (!fit) {
    process.stdout.write('fit: not enough samples past 0.5 h\n');
    return;
  }
  process.stdout.write(
    `fit over ${fit.fromHours}–${fit.toHours.toFixed(2)} h (${fit.samples} samples): ${fit.mbPerHour.toFixed(2)} MB/hour ` +
      `(RSS ${fit.minMb.toFixed(0)}–${fit.maxMb.toFixed(0)} MB; target ≤ 2 MB/hour)\n`,
  );
}

const analyse = args.indexOf('--analyse');
if (analyse >= 0) {
  report(args[analyse + 1] ?? 'soak.csv');
  process.exit(0);
}

const hours = Number(flag('hours', '6'));
const intervalS = Number(flag('interval', '30'));
const out = flag('out', 'soak.csv');
const socket = flag('tmux-socket', 'whaletop-soak');
const ownDataDir = !args.includes('--data-dir');
const dataDir = ownDataDir ? mkdtempSync(join(tmpdir(), 'whaletop-soak-')) : flag('data-dir', '');
const entry = fileURLToPath(new URL('../bin/whaletop.js', import.meta.url));
const session = 'soak';

const tmux = (...tmuxArgs: string[]): string => execFileSync('tmux', ['-L', socket, ...tmuxArgs], { encoding: 'utf8' }).trim();
// `exec`: the pane's process is whaletop itself, whose RSS is sampled. CI unset so the screen has its colours.
const command = `unset CI; exec ${JSON.stringify(process.execPath)} ${JSON.stringify(entry)} --demo --data-dir ${JSON.stringify(dataDir)} --health-port 0`;
tmux('new-session', '-d', '-s', session, '-x', '160', '-y', '45', command);
const pid = Number(tmux('display-message', '-p', '-t', session, '#{pane_pid}'));
const started = Date.now();
writeFileSync(out, 'seconds,rss_mb\n');
process.stdout.write(`soak: pid ${pid}, ${hours} h, a sample every ${intervalS} s into ${out} (tmux -L ${socket} attach -t ${session})\n`);

function rssMb(): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

const finish = (why: string): void => {
  clearInterval(timer);
  try {
    tmux('kill-session', '-t', session);
  } catch {
    // Already gone: the process ended by itself, which the report says.
  }
  process.stdout.write(`soak ended: ${why}\n`);
  report(out);
  if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
  process.exit(why === 'done' ? 0 : 1);
};

const timer = setInterval(() => {
  const rss = rssMb();
  if (rss === null) return finish('whaletop exited before the end of the soak');
  appendFileSync(out, `${((Date.now() - started) / 1000).toFixed(0)},${rss.toFixed(1)}\n`);
  if (Date.now() - started >= hours * 3600_000) finish('done');
}, intervalS * 1000);
process.on('SIGINT', () => finish('interrupted'));
process.on('SIGTERM', () => finish('interrupted'));
