import { readFileSync } from 'node:fs';

/** Cumulative CPU ticks of the whole machine (Linux /proc/stat), or null where it is not readable. */
interface CpuTicks {
  busy: number;
  steal: number;
}

function readTicks(): CpuTicks | null {
  try {
    const [label, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
    if (label !== 'cpu') return null;
    const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
    return { busy: user! + nice! + system! + irq! + softirq!, steal: steal ?? 0 };
  } catch {
    return null;
  }
}

/**
 * Runs `work` and returns the CPU steal while it ran: the share of the time this VM's CPUs wanted to run (busy +
 * stolen) that the hypervisor gave to other guests. Latency numbers measured at 20 % steal are not the machine's
 * own, so every benchmark reports it beside them (`cpu_steal_pct`).
 */
export async function measureSteal<T>(work: () => Promise<T>): Promise<{ result: T; stealPct: number | null }> {
  const before = readTicks();
  const result = await work();
  const after = readTicks();
  if (!before || !after) return { result, stealPct: null };
  const steal = after.steal - before.steal;
  const wanted = after.busy - before.busy + steal;
  return { result, stealPct: wanted > 0 ? Math.round((1000 * steal) / wanted) / 10 : 0 };
}
