import { describe, expect, it } from 'vitest';
import { classifyMomentum, computeMomentum, DEFAULT_MOMENTUM_CONFIG, MidRing, VolumeRing } from '../../src/live/momentum.ts';

const T0 = 1_700_000_000_000 - (1_700_000_000_000 % 60_000);
// Thresholds pinned here (3 / 6 ¢/min) so the tests do not move with the tuned defaults.
const cfg = { ...DEFAULT_MOMENTUM_CONFIG, minVelocityCentsPerMin: 3, strongVelocityCentsPerMin: 6 };

function ring(points: [number, number][]): MidRing {
  const r = new MidRing(256);
  for (const [dt, p] of points) r.push(T0 + dt, p);
  return r;
}

describe('computeMomentum', () => {
  it('measures velocity over 60 s in cents per minute and acceleration against the minute before', () => {
    // 0.40 flat for a minute, then 0.40 → 0.46 over the next minute.
    const mids = ring([
      [0, 0.4],
      [30_000, 0.4],
      [60_000, 0.4],
      [90_000, 0.43],
      [120_000, 0.46],
    ]);
    const m = computeMomentum(mids, new VolumeRing(720_000), T0 + 120_000, cfg)!;
    expect(m.price).toBe(0.46);
    expect(m.referencePrice).toBe(0.4);
    expect(m.velocityCentsPerMin).toBeCloseTo(6, 10);
    // Previous minute was flat (0 ¢/min): acceleration = (6 − 0) ¢/min per minute.
    expect(m.accelerationCentsPerMin2).toBeCloseTo(6, 10);
    expect(m.volumeSurge).toBeNull();
  });

  it('returns null when no sample is close enough to the start of the window (gap or fresh subscription)', () => {
    const mids = ring([
      [0, 0.5],
      [100_000, 0.55],
      [120_000, 0.56],
    ]);
    // Reference instant T0+60 s: the latest sample before it is T0 (60 s older) > maxReferenceAgeMs 15 s.
    expect(computeMomentum(mids, new VolumeRing(720_000), T0 + 120_000, cfg)).toBeNull();
  });

  it('uses the latest sample at or before the reference instant', () => {
    const mids = ring([
      [50_000, 0.3],
      [110_000, 0.27],
    ]);
    const m = computeMomentum(mids, new VolumeRing(720_000), T0 + 110_000, cfg)!;
    // Reference at T0+50 s (exactly now − 60 s): 0.30 → 0.27 is −3 ¢/min; no minute before → no acceleration.
    expect(m.velocityCentsPerMin).toBeCloseTo(-3, 10);
    expect(m.accelerationCentsPerMin2).toBeNull();
  });

  it('computes volume surge as the last minute over the average minute of the baseline', () => {
    const vol = new VolumeRing(720_000);
    vol.observeFrom(T0);
    // 10 shares every 10 s for 5 minutes (60/min), then 300 shares in the last minute.
    for (let t = 0; t < 300_000; t += 10_000) vol.add(T0 + t, 10);
    for (let t = 300_000; t < 360_000; t += 10_000) vol.add(T0 + t, 50);
    const mids = ring([
      [0, 0.5],
      [299_000, 0.5],
      [359_000, 0.52],
    ]);
    const m = computeMomentum(mids, vol, T0 + 359_999, cfg)!;
    expect(m.windowVolume).toBe(300);
    expect(m.volumeSurge).toBeCloseTo(5, 2);
  });
});

describe('classifyMomentum', () => {
  const base = { at: 0, price: 0.5, referencePrice: 0.5, windowVolume: 0 };
  it('fires at exactly the threshold (float noise tolerated) and not below', () => {
    const at = classifyMomentum({ ...base, velocityCentsPerMin: (0.53 - 0.5) * 100, accelerationCentsPerMin2: null, volumeSurge: null }, cfg);
    expect(at).toEqual({ direction: 'UP', strong: false, surging: false, accelerating: false });
    expect(classifyMomentum({ ...base, velocityCentsPerMin: 2.99, accelerationCentsPerMin2: 1, volumeSurge: 9 }, cfg)).toBeNull();
  });
  it('flags strong, surging and accelerating moves in the move direction', () => {
    expect(classifyMomentum({ ...base, velocityCentsPerMin: -6, accelerationCentsPerMin2: -2, volumeSurge: 2 }, cfg)).toEqual({
      direction: 'DOWN',
      strong: true,
      surging: true,
      accelerating: true,
    });
    expect(classifyMomentum({ ...base, velocityCentsPerMin: 4, accelerationCentsPerMin2: -1, volumeSurge: 1.9 }, cfg)).toEqual({
      direction: 'UP',
      strong: false,
      surging: false,
      accelerating: false,
    });
  });
});

it('defaults to 4 ¢/min to fire and 8 ¢/min for a strong move', () => {
  expect(DEFAULT_MOMENTUM_CONFIG).toMatchObject({ windowMs: 60_000, minVelocityCentsPerMin: 4, strongVelocityCentsPerMin: 8, minVolumeSurge: 2 });
});

describe('MidRing', () => {
  it('keeps one sample per second bucket and drops the oldest when full', () => {
    const r = new MidRing(3);
    r.push(1_000, 0.1);
    r.push(1_500, 0.2); // same bucket: replaces
    r.push(2_000, 0.3);
    r.push(3_000, 0.4);
    r.push(4_000, 0.5); // evicts 1_500
    expect(r.size).toBe(3);
    expect(r.at(1_999)).toBeNull();
    expect(r.at(2_500)).toEqual({ t: 2_000, price: 0.3 });
    expect(r.latest()).toEqual({ t: 4_000, price: 0.5 });
    r.push(3_500, 0.9); // older than the latest: ignored
    expect(r.latest()).toEqual({ t: 4_000, price: 0.5 });
  });
});
