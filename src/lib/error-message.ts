/**
 * The message of an unknown thrown value, for one-line reports, run summaries and logs: an Error's `message`,
 * anything else as `String(value)` (a thrown string, a rejected number).
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
