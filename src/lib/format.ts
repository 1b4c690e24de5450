/**
 * Display formats of the panes: compact dollars, cents, relative times, short wallets. Pure functions of their
 * inputs (times take `now` explicitly) so frames are reproducible in tests.
 */

/** `1234` → `1.2K`, `1_234_567` → `1.2M`; below 1 000 the integer itself. One decimal, dropped at ≥ 100 of a unit. */
export function formatCompact(n: number): string {
  if (!Number.isFinite(n)) return '–';
  const abs = Math.abs(n);
  const sign = n < 0 ? '-' : '';
  const units: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [size, suffix] of units) {
    // Round first so 999_950 shows as 1.0M, not 1000.0K.
    if (abs >= size * 0.99995) {
      const v = abs / size;
      const text = v >= 100 ? Math.round(v).toString() : v.toFixed(1);
      return `${sign}${text.replace(/\.0$/, '')}${suffix}`;
    }
  }
  return `${sign}${Math.round(abs)}`;
}

/** Options of {@link formatUsd}. */
export interface UsdOptions {
  /** Prefix positive values with `+` (PnL columns). */
  signed?: boolean;
}

/** Compact US dollars: `$1.2M`, `-$3.4K`, `$950`, `$0.42` (cents shown only below one dollar). */
export function formatUsd(n: number, options: UsdOptions = {}): string {
  if (!Number.isFinite(n)) return '–';
  const abs = Math.abs(n);
  const body = abs > 0 && abs < 1 ? abs.toFixed(2) : formatCompact(abs);
  const sign = n < 0 && body !== '0' && body !== '0.00' ? '-' : options.signed && n > 0 ? '+' : '';
  return `${sign}$${body}`;
}

/** A probability price in [0, 1] as cents: `0.635` → `63.5¢`, `0.07` → `7¢`. */
export function formatCents(price: number): string {
  if (!Number.isFinite(price)) return '–';
  return `${(Math.round(price * 1000) / 10).toString()}¢`;
}

/** A price in [0, 1] with two decimals: `0.635` → `0.64`. */
export function formatPrice(price: number): string {
  if (!Number.isFinite(price)) return '–';
  return price.toFixed(2);
}

/** Signed cents: `0.012` → `+1.2¢`, `-0.03` → `-3¢`. */
export function formatCentsDelta(delta: number): string {
  if (!Number.isFinite(delta)) return '–';
  const cents = Math.round(delta * 1000) / 10;
  return `${cents > 0 ? '+' : ''}${cents.toString()}¢`;
}

/** A fraction as a percentage: `0.1234` → `12.3%`. */
export function formatShare(fraction: number): string {
  if (!Number.isFinite(fraction)) return '–';
  return `${(fraction * 100).toFixed(1)}%`;
}

/** A value already in percent, signed: `12.345` → `+12.3%`, `-4` → `-4.0%`. */
export function formatPercentSigned(percent: number): string {
  if (!Number.isFinite(percent)) return '–';
  return `${percent > 0 ? '+' : ''}${percent.toFixed(1)}%`;
}

/** Integer with thousands separators: `12345` → `12,345`. */
export function formatInt(n: number): string {
  if (!Number.isFinite(n)) return '–';
  return Math.round(n).toLocaleString('en-US');
}

/** A length of time, coarse: `12s`, `2m`, `3h`, `4d`. Negative durations count as 0. */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h`;
  return `${Math.floor(h / 24)}d`;
}

/** `at` relative to `now` (both epoch ms): `2m ago`, `in 3h`, `just now` within 5 s. */
export function formatRelative(at: number, now: number): string {
  if (!Number.isFinite(at) || at <= 0) return '–';
  if (absoluteTimes) return formatLocalTime(at, now);
  const delta = now - at;
  if (Math.abs(delta) < 5000) return 'just now';
  return delta > 0 ? `${formatAge(delta)} ago` : `in ${formatAge(-delta)}`;
}

/**
 * Whether {@link formatRelative} shows local clock times instead of ages: the UI's `T` key. One switch for every
 * pane rather than a flag threaded through each column; the UI sets it before each render.
 */
let absoluteTimes = false;

/** Switches {@link formatRelative} between ages (`3m ago`) and local times (`14:03:22`, `Dec 01 14:03`). */
export function setAbsoluteTimes(on: boolean): void {
  absoluteTimes = on;
}

/** Local time of `at` (the TZ environment variable decides the zone): the time today, else the date and time. */
export function formatLocalTime(at: number, now: number): string {
  const d = new Date(at);
  const sameDay = new Date(now).toDateString() === d.toDateString();
  const hm = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: sameDay ? '2-digit' : undefined, hour12: false });
  return sameDay ? hm : `${d.toLocaleDateString('en-US', { month: 'short', day: '2-digit' })} ${hm}`;
}

/** How long something took: `120 ms`, `1.8 s`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** `0x12ab34…` (42 chars) → `0x12ab…cdef`; anything short or not hex-prefixed is returned unchanged. */
export function shortWallet(wallet: string): string {
  if (!wallet.startsWith('0x') || wallet.length <= 12) return wallet;
  return `${wallet.slice(0, 6)}…${wallet.slice(-4)}`;
}

/** A trader's label: their name when they have one, else the short wallet. */
export function traderLabel(name: string | null | undefined, wallet: string): string {
  const trimmed = (name ?? '').trim();
  // The leaderboard gives a wallet without a name its address as user name, often with a "-<ms timestamp>"
  // suffix (`0x3DFb…-1722957908185`, docs/POLYMARKET_API.md §0): show the short wallet instead.
  if (/^0x[0-9a-fA-F]{40}(-\d+)?$/.test(trimmed)) return shortWallet(trimmed.slice(0, 42).toLowerCase());
  return trimmed.length > 0 ? trimmed : shortWallet(wallet);
}

/** Clock time `hh:mm:ss` in UTC (the header clock; servers run in UTC). */
export function formatClock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}
