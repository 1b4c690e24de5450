import { fileURLToPath } from 'node:url';

/**
 * The recorded Polymarket responses and WebSocket frames, inside the repo (`test/fixtures/polymarket/`, with
 * SOURCES.md saying where each came from), so the suite runs from any clone.
 */
export const POLYMARKET_FIXTURES = fileURLToPath(new URL('../fixtures/polymarket', import.meta.url));
