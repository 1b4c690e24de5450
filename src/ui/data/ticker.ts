/**
 * A once-a-second clock outside React for the header clock and relative ages. One timer for the whole UI;
 * components read it through `useSyncExternalStore`.
 */
export class Ticker {
  private current: number;
  private timer: NodeJS.Timeout | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly clock: () => number, private readonly intervalMs = 1_000) {
    this.current = clock();
  }

  /** Epoch ms of the last tick. */
  getSnapshot = (): number => this.current;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (!this.timer) {
      this.timer = setInterval(() => {
        const next = this.clock();
        if (next === this.current) return;
        this.current = next;
        for (const l of [...this.listeners]) l();
      }, this.intervalMs);
      this.timer.unref?.();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    };
  };
}
