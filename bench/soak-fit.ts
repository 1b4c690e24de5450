/**
 * The arithmetic of bench/soak: RSS samples in, growth per hour out. chDB's background merges swing RSS by
 * hundreds of MB within minutes, so the first and last sample say little; a least-squares line through every
 * sample after the warm-up (caches filling, the first merges) says how fast memory really grows.
 */

/** One RSS sample: seconds since the process started, resident set in MB. */
export interface RssSample {
  seconds: number;
  rssMb: number;
}

/** A least-squares line through the samples of a window. */
export interface RssFit {
  /** Growth, MB per hour (the slope). */
  mbPerHour: number;
  /** Fitted RSS at the window's start, MB. */
  interceptMb: number;
  /** Samples in the window. */
  samples: number;
  /** The window, hours since start. */
  fromHours: number;
  toHours: number;
  /** Lowest and highest RSS in the window, MB (the swing the fit looks through). */
  minMb: number;
  maxMb: number;
}

/**
 * Fits RSS against time over the samples at or after `fromHours` (default 0.5: the warm-up is left out).
 * Null when fewer than two samples fall in the window.
 */
export function fitRssGrowth(samples: readonly RssSample[], fromHours = 0.5): RssFit | null {
  const window = samples.filter((s) => s.seconds / 3600 >= fromHours);
  if (window.length < 2) return null;
  const hours = window.map((s) => s.seconds / 3600);
  const meanX = hours.reduce((a, b) => a + b, 0) / window.length;
  const meanY = window.reduce((a, s) => a + s.rssMb, 0) / window.length;
  let sxy = 0;
  let sxx = 0;
  window.forEach((s, i) => {
    sxy += (hours[i]! - meanX) * (s.rssMb - meanY);
    sxx += (hours[i]! - meanX) ** 2;
  });
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const rss = window.map((s) => s.rssMb);
  return {
    mbPerHour: slope,
    interceptMb: meanY - slope * (meanX - fromHours),
    samples: window.length,
    fromHours,
    toHours: hours.at(-1)!,
    minMb: Math.min(...rss),
    maxMb: Math.max(...rss),
  };
}

/** Parses the soak's CSV (`seconds,rss_mb` with a header line). */
export function parseSoakCsv(text: string): RssSample[] {
  return text
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter((cols) => cols.length >= 2 && cols[0] !== '')
    .map((cols) => ({ seconds: Number(cols[0]), rssMb: Number(cols[1]) }))
    .filter((s) => Number.isFinite(s.seconds) && Number.isFinite(s.rssMb));
}

/** A coarse curve for the report: the mean RSS of each `bucketMinutes` of the run. */
export function rssCurve(samples: readonly RssSample[], bucketMinutes = 15): { fromMinutes: number; meanMb: number }[] {
  const buckets = new Map<number, number[]>();
  for (const s of samples) {
    const bucket = Math.floor(s.seconds / 60 / bucketMinutes) * bucketMinutes;
    buckets.set(bucket, [...(buckets.get(bucket) ?? []), s.rssMb]);
  }
  return [...buckets.entries()].map(([fromMinutes, values]) => ({ fromMinutes, meanMb: values.reduce((a, b) => a + b, 0) / values.length }));
}
