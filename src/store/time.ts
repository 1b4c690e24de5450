/**
 * Formats epoch milliseconds as `'YYYY-MM-DD hh:mm:ss.SSS'` in UTC — the text every `DateTime64(3, 'UTC')`
 * column takes on insert (a JSON number would be read as seconds). Lives apart from client.ts so row mappers
 * can use it without loading the ClickHouse client or the chDB engine; client.ts re-exports it.
 */
export function chTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23).replace('T', ' ');
}
