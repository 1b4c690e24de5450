/** A share in [0, 1] as a fixed-width bar: `███████░░░` (10 cells by default). */
export function shareBar(fraction: number, cells = 10): string {
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  const full = Math.round(f * cells);
  return '█'.repeat(full) + '░'.repeat(cells - full);
}
