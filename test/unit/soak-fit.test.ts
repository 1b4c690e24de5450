/** bench/soak's arithmetic: least-squares growth per hour through a swinging RSS, warm-up left out. */
import { describe, expect, it } from 'vitest';
import { fitRssGrowth, parseSoakCsv, rssCurve, type RssSample } from '../../bench/soak-fit.ts';

/** Six hours every 30 s: a warm-up climb of 300 MB in the first half hour, then `mbPerHour`, and merges swinging ±250 MB. */
function run(mbPerHour: number): RssSample[] {
  return Array.from({ length: 6 * 120 + 1 }, (_, i) => {
    const hours = (i * 30) / 3600;
    const warmUp = Math.min(hours, 0.5) * 600;
    const swing = 250 * Math.sin(i * 0.7);
    return { seconds: i * 30, rssMb: 700 + warmUp + mbPerHour * hours + swing };
  });
}

describe('soak fit', () => {
  it('finds the growth through the swing, not the warm-up', () => {
    for (const growth of [0, 1.5, 20]) {
      const fit = fitRssGrowth(run(growth))!;
      expect(fit.mbPerHour).toBeCloseTo(growth, 0);
      expect(fit.fromHours).toBe(0.5);
      expect(fit.toHours).toBe(6);
      expect(fit.samples).toBe(661);
    }
  });

  it('needs two samples past the warm-up', () => {
    expect(fitRssGrowth([{ seconds: 0, rssMb: 1 }, { seconds: 100, rssMb: 2 }])).toBeNull();
  });

  it('reads the CSV the soak writes and averages it per 15 minutes', () => {
    const samples = parseSoakCsv('seconds,rss_mb,rss_anon_mb,rss_file_mb\n20,445.3,300,145.3\n40,572.0,400,172\n1000,600,500,100\n');
    expect(samples).toEqual([{ seconds: 20, rssMb: 445.3 }, { seconds: 40, rssMb: 572 }, { seconds: 1000, rssMb: 600 }]);
    expect(rssCurve(samples)).toEqual([{ fromMinutes: 0, meanMb: (445.3 + 572) / 2 }, { fromMinutes: 15, meanMb: 600 }]);
  });
});
