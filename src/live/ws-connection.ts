import WebSocket from 'ws';
import { fullJitterDelay } from '../lib/backoff.ts';
import type { Logger } from '../lib/log.ts';
import { sanitizeText } from '../lib/sanitize.ts';
import { initialSubscribeFrame, operationFrame } from '../polymarket/ws-market.ts';

/** Tunables of one market-channel socket. Times in ms. */
export interface WsConnectionOptions {
  url: string;
  /** Text `PING` interval (the server answers `PONG`; POLYMARKET_API.md §4: every 10 s). */
  pingIntervalMs: number;
  /** No data frame (PONG does not count) for this long while subscribed: the socket is rebuilt. */
  livenessTimeoutMs: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  /** Most asset ids in one subscribe/unsubscribe frame. */
  subscribeChunkSize: number;
  /** Largest accepted frame, bytes (the initial dump of 100 books is ~1 MB). */
  maxPayloadBytes: number;
  handshakeTimeoutMs: number;
}

/** What the socket reports to its owner. */
export interface WsConnectionHandlers {
  /** One text frame (data or `PONG`), in arrival order; handed over in slices (see `enqueue`), so a little later. */
  onFrame(text: string): void;
  /** The socket opened and the subscription was sent: snapshots follow. */
  onUp(): void;
  /** The socket is gone (closed, failed, frozen): every book it fed is stale now. */
  onDown(reason: string): void;
}

/** Connection state as the status bar shows it. */
export type WsConnectionState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'stopped';

/** Longest run of frame handling before yielding to the event loop, ms. */
const SLICE_MS = 4;
/** Queued frames above which the socket is paused (TCP backpressure), and below which it resumes. */
const HIGH_WATER = 2_000;
const LOW_WATER = 500;

/** Splits `ids` into chunks of at most `size`. */
export function chunk<T>(ids: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}

/**
 * One market-channel socket over a set of tokens: subscribes in chunks, sends `PING` every 10 s, rebuilds itself
 * when its tokens go silent (liveness by data, not by PONG: a socket can keep answering PONG while the stream
 * behind it froze) or when it closes, with full-jitter backoff, and resubscribes everything on every new socket.
 * Token changes on an open socket go out as subscribe/unsubscribe operations without reconnecting.
 * Timing uses the monotonic clock (performance.now), never the injectable data clock.
 */
export class WsConnection {
  private readonly tokens = new Set<string>();
  private ws: WebSocket | null = null;
  private currentState: WsConnectionState = 'idle';
  private attempt = 0;
  private pingTimer: NodeJS.Timeout | null = null;
  private livenessTimer: NodeJS.Timeout | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private lastDataAt = 0;
  private reconnectCount = 0;
  private lastErrorText: string | null = null;
  /** Frames received but not yet handed to the owner (see {@link drain}); `head` is the next one. */
  private queue: string[] = [];
  private head = 0;
  private draining = false;
  private paused = false;
  /** Whether this socket already sent its `type: market` frame (the server expects it first). */
  private sentInitial = false;

  constructor(
    private readonly opts: WsConnectionOptions,
    private readonly handlers: WsConnectionHandlers,
    private readonly logger: Logger,
  ) {}

  /** Current state. */
  get state(): WsConnectionState {
    return this.currentState;
  }

  /** Sockets rebuilt after a close, failure or freeze. */
  get reconnects(): number {
    return this.reconnectCount;
  }

  /** The last close/failure reason, or null. */
  get lastError(): string | null {
    return this.lastErrorText;
  }

  /** Tokens this socket is responsible for. */
  get tokenIds(): ReadonlySet<string> {
    return this.tokens;
  }

  /** Opens the socket (no-op when already started). */
  start(): void {
    if (this.currentState !== 'idle') return;
    this.connect();
  }

  /** Adds tokens; on an open socket they are subscribed at once (chunked operation frames). */
  add(ids: readonly string[]): void {
    const fresh = ids.filter((id) => !this.tokens.has(id));
    for (const id of fresh) this.tokens.add(id);
    if (fresh.length > 0 && this.currentState === 'open') this.sendChunks('subscribe', fresh);
  }

  /** Removes tokens; on an open socket they are unsubscribed (chunked operation frames). */
  remove(ids: readonly string[]): void {
    const gone = ids.filter((id) => this.tokens.delete(id));
    if (gone.length > 0 && this.currentState === 'open') this.sendChunks('unsubscribe', gone);
  }

  /** Closes the socket for good and resolves once it is closed. */
  async stop(): Promise<void> {
    if (this.currentState === 'stopped') return;
    this.currentState = 'stopped';
    this.clearTimers();
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    const ws = this.ws;
    this.ws = null;
    if (!ws || ws.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => {
        ws.terminate();
        resolve();
      }, 1_000);
      ws.once('close', () => {
        clearTimeout(force);
        resolve();
      });
      if (ws.readyState === WebSocket.CONNECTING) ws.terminate();
      else ws.close(1000);
    });
  }

  /** Kills the socket as if the network dropped (tests, and the liveness check). */
  drop(reason: string): void {
    this.lastErrorText = reason;
    this.ws?.terminate();
  }

  private connect(): void {
    this.currentState = this.reconnectCount > 0 || this.attempt > 0 ? 'reconnecting' : 'connecting';
    const ws = new WebSocket(this.opts.url, {
      perMessageDeflate: false,
      maxPayload: this.opts.maxPayloadBytes,
      handshakeTimeout: this.opts.handshakeTimeoutMs,
    });
    this.ws = ws;
    let gotData = false;
    ws.on('open', () => {
      if (this.ws !== ws) return;
      this.currentState = 'open';
      this.lastDataAt = performance.now();
      this.sentInitial = false;
      this.sendChunks('subscribe', [...this.tokens]);
      this.pingTimer = setInterval(() => {
        if (ws.readyState === WebSocket.OPEN) ws.send('PING');
      }, this.opts.pingIntervalMs);
      const check = Math.max(10, Math.min(1_000, Math.floor(this.opts.livenessTimeoutMs / 4)));
      this.livenessTimer = setInterval(() => this.checkLiveness(ws), check);
      this.handlers.onUp();
    });
    // Data counts for liveness only once the subscription's book snapshot has arrived: a socket opened during a
    // silent freeze never gets one, and if the stream then resumes with price changes alone its books would stay
    // void forever while looking alive. Without a snapshot within the liveness timeout, the socket is rebuilt.
    let gotSnapshot = false;
    ws.on('message', (data: WebSocket.RawData, isBinary: boolean) => {
      if (this.ws !== ws || isBinary) return;
      const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : data.toString('utf8');
      if (!gotSnapshot && text !== 'PONG' && (text.startsWith('[') || text.includes('"book"'))) gotSnapshot = true;
      if (text !== 'PONG' && gotSnapshot) {
        this.lastDataAt = performance.now();
        if (!gotData) {
          gotData = true;
          this.attempt = 0;
        }
      }
      this.enqueue(ws, text);
    });
    ws.on('error', (err: Error & { code?: string }) => {
      this.lastErrorText = sanitizeText(err.code ?? err.message);
      this.logger.debug('ws error', { url: this.opts.url, err });
    });
    ws.on('close', (code: number) => {
      if (this.ws !== ws && this.currentState !== 'stopped') return;
      this.clearTimers();
      // Frames of a dead socket are not applied after its books were voided.
      this.queue = [];
      this.head = 0;
      this.paused = false;
      if (this.currentState === 'stopped') return;
      this.ws = null;
      const reason = this.lastErrorText ?? `closed ${code}`;
      this.handlers.onDown(reason);
      this.scheduleReconnect(reason);
    });
  }

  /**
   * Frames are queued and handed over in slices of at most SLICE_MS with a macrotask between slices: libuv reads a
   * busy socket many times per loop turn and ws emits every frame synchronously, which under a flood blocked the
   * event loop (and Ink's rendering) for 150+ ms. Past HIGH_WATER queued frames the socket is paused, so TCP
   * pushes back on the server instead of memory growing.
   */
  private enqueue(ws: WebSocket, text: string): void {
    if (this.ws !== ws) return;
    this.queue.push(text);
    if (!this.paused && this.queue.length - this.head > HIGH_WATER) {
      this.paused = true;
      ws.pause();
    }
    if (!this.draining) {
      this.draining = true;
      setImmediate(() => this.drain());
    }
  }

  private drain(): void {
    const deadline = performance.now() + SLICE_MS;
    let n = 0;
    while (this.head < this.queue.length) {
      this.handlers.onFrame(this.queue[this.head++]!);
      if (++n % 32 === 0 && performance.now() >= deadline) break;
    }
    if (this.head >= this.queue.length) {
      this.queue = [];
      this.head = 0;
    } else if (this.head > 4096) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    if (this.paused && this.queue.length - this.head < LOW_WATER) {
      this.paused = false;
      this.ws?.resume();
    }
    if (this.head < this.queue.length) setImmediate(() => this.drain());
    else this.draining = false;
  }

  private checkLiveness(ws: WebSocket): void {
    if (this.ws !== ws || this.tokens.size === 0) return;
    const silentMs = performance.now() - this.lastDataAt;
    if (silentMs > this.opts.livenessTimeoutMs) {
      this.logger.warn('ws feed silent: rebuilding the connection', { silentMs: Math.round(silentMs), tokens: this.tokens.size });
      this.drop(`no data for ${Math.round(silentMs)} ms`);
    }
  }

  private scheduleReconnect(reason: string): void {
    const delay = fullJitterDelay(this.attempt, this.opts.backoffBaseMs, this.opts.backoffCapMs);
    this.attempt++;
    this.reconnectCount++;
    this.currentState = 'reconnecting';
    this.logger.info('ws reconnecting', { reason, delayMs: delay, attempt: this.attempt });
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.currentState === 'stopped') return;
      this.connect();
    }, delay);
  }

  private sendChunks(op: 'subscribe' | 'unsubscribe', ids: readonly string[]): void {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    for (const c of chunk(ids, this.opts.subscribeChunkSize)) {
      if (op === 'subscribe' && !this.sentInitial) {
        ws.send(initialSubscribeFrame(c));
        this.sentInitial = true;
      } else {
        ws.send(operationFrame(op, c));
      }
    }
  }

  private clearTimers(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    if (this.livenessTimer) clearInterval(this.livenessTimer);
    this.pingTimer = null;
    this.livenessTimer = null;
  }
}
