/**
 * A hostile Polymarket on loopback (issue 12): answers every path with what a test asks for — error bodies full of
 * terminal escapes, bodies of hundreds of MB streamed without ever holding them, a body dripping one byte every
 * few seconds, pages of junk records. Bodies are generated chunk by chunk, so the server itself stays small.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const ESC = '\x1b';
const BEL = '\x07';

/** An error text that retitles the window, writes the clipboard (`rm -rf ~`), clears the screen and hides text. */
export const HOSTILE_ERROR = `${ESC}]0;pwned${BEL}${ESC}]52;c;cm0gLXJmIH4=${BEL}\u009d2;c1-title\u009c\u009b2J${ESC}[?1049hrate\u200b limited\u202e`;

/** What one answer is. `chunks` streams the body; `dripMs` waits between chunks. */
export interface HostileReply {
  status?: number;
  headers?: Record<string, string>;
  /** The whole body at once. */
  body?: string;
  /** The body as a sequence of chunks (generated lazily). */
  chunks?: () => Iterable<string | Buffer>;
  /** Wait this long before each chunk. */
  dripMs?: number;
}

/** A running hostile server. */
export interface HostileServer {
  url: string;
  /** Requests seen, by path (without query). */
  hits: string[];
  /** Bytes written to clients so far. */
  bytesSent(): number;
  handler: (path: string, req: IncomingMessage) => HostileReply;
  close(): Promise<void>;
}

/** A JSON array of `bytes` bytes (approximately) made of `record` repeated, generated in 1 MiB chunks. */
export function* hugeArray(record: unknown, bytes: number): Iterable<string> {
  const one = JSON.stringify(record);
  const perChunk = Math.max(1, Math.floor((1024 * 1024) / (one.length + 1)));
  const chunk = Array.from({ length: perChunk }, () => one).join(',');
  yield '[';
  for (let sent = 0, first = true; sent < bytes; sent += chunk.length + 1, first = false) yield (first ? '' : ',') + chunk;
  yield ']';
}

/** A JSON array of `count` junk records (each fails every schema: wrong types, missing fields). */
export function junkArray(count: number): string {
  return JSON.stringify(Array.from({ length: count }, (_, i) => ({ junk: i, proxyWallet: 42, conditionId: null })));
}

/** Starts the server on 127.0.0.1 (random port). Default answer: `[]`. */
export async function startHostileServer(): Promise<HostileServer> {
  let sent = 0;
  const open = new Set<ServerResponse>();
  const state: HostileServer = {
    url: '',
    hits: [],
    bytesSent: () => sent,
    handler: () => ({ body: '[]' }),
    close: async () => {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    state.hits.push(path);
    const reply = state.handler(path, req);
    open.add(res);
    res.on('close', () => open.delete(res));
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
    if (reply.body !== undefined) {
      sent += reply.body.length;
      res.end(reply.body);
      return;
    }
    const iterator = (reply.chunks?.() ?? [])[Symbol.iterator]();
    const next = (): void => {
      if (res.destroyed) return;
      const item = iterator.next();
      if (item.done) {
        res.end();
        return;
      }
      sent += item.value.length;
      // Honour TCP backpressure: a client that stops reading stops the generator too.
      if (res.write(item.value)) schedule();
      else res.once('drain', schedule);
    };
    const schedule = (): void => {
      if (reply.dripMs) setTimeout(next, reply.dripMs).unref();
      else setImmediate(next);
    };
    schedule();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
