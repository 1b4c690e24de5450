/** One benchmark's outcome: named metrics (units in the metric name, e.g. `rows_per_s`, `p95_ms`). */
export interface BenchResult {
  name: string;
  metrics: Record<string, number>;
  notes?: string;
}
