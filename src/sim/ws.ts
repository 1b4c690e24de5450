/**
 * The CLOB market channel (POLYMARKET_API.md §4) on /ws/market: subscribe with
 * `{assets_ids, type: "market", custom_feature_enabled}` or later `{operation, assets_ids}`; the initial dump is a
 * JSON array of `book` frames; later events arrive as single objects; text `PING` → `PONG`.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../lib/log.ts';
import type { FaultEngine } from './faults.ts';
import { bookFrame, type RoutedFrame } from './world/frames.ts';
import type { World } from './world/index.ts';

/** Event types only sent to connections that set custom_feature_enabled. */
const CUSTOM_EVENTS = new Set(['best_bid_ask', 'new_market', 'market_resolved']);

/** Close code sent when a subscribe frame lists too many asset ids (policy violation). */
export const WS_CLOSE_TOO_MANY_ASSETS = 1008;

interface Client {
  socket: WebSocket;
  assets: Set<string>;
  custom: boolean;
}

/** The market-channel server bound to an HTTP server's upgrade event. */
export interface MarketWs {
  /** Currently open connections. */
  open(): number;
  /** Connections accepted since start. */
  total(): number;
  /** Terminates every connection; returns how many. */
  dropAll(): number;
  close(): Promise<void>;
}

/** Attaches the market channel at `path` to `server`. */
export function attachMarketWs(server: Server, world: World, faults: FaultEngine, logger: Logger, path = '/ws/market'): MarketWs {
  const wss = new WebSocketServer({ noServer: true });
  const clients = new Set<Client>();
  let total = 0;

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const pathname = new URL(req.url ?? '/', 'http://sim.local').pathname;
    if (pathname !== path) {
      socket.write('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };
  server.on('upgrade', onUpgrade);

  const subscribe = (client: Client, ids: string[], dump: boolean): void => {
    const fresh = ids.filter((id) => !client.assets.has(id));
    for (const id of ids) client.assets.add(id);
    if (!dump || faults.get().wsFreeze) return;
    const now = world.sync();
    const frames: Record<string, unknown>[] = [];
    for (const id of fresh) {
      const t = world.core.tokenIndex.get(id);
      if (t?.market.book) frames.push(bookFrame(t.market, t.outcome, now));
    }
    if (frames.length) client.socket.send(JSON.stringify(frames));
  };

  wss.on('connection', (socket: WebSocket) => {
    total++;
    const client: Client = { socket, assets: new Set(), custom: false };
    clients.add(client);
    socket.on('close', () => clients.delete(client));
    socket.on('error', (err) => logger.debug('sim ws socket error', { err }));
    socket.on('message', (data, isBinary) => {
      const text = isBinary ? '' : data.toString();
      if (text === 'PING') {
        socket.send('PONG');
        return;
      }
      let msg: { assets_ids?: unknown; type?: unknown; operation?: unknown; custom_feature_enabled?: unknown; initial_dump?: unknown };
      try {
        msg = JSON.parse(text) as typeof msg;
      } catch {
        return;
      }
      if (!msg || !Array.isArray(msg.assets_ids)) return;
      const ids = msg.assets_ids.map(String);
      if (ids.length > faults.get().wsMaxAssetsPerFrame) {
        socket.close(WS_CLOSE_TOO_MANY_ASSETS, 'too many assets in one subscribe frame');
        return;
      }
      if (msg.operation === 'unsubscribe') {
        for (const id of ids) client.assets.delete(id);
        return;
      }
      if (msg.custom_feature_enabled === true) client.custom = true;
      subscribe(client, ids, msg.initial_dump !== false);
    });
  });

  const unlisten = world.core.onFrames((frames: RoutedFrame[]) => {
    if (clients.size === 0 || faults.get().wsFreeze) return;
    for (const client of clients) {
      if (client.socket.readyState !== client.socket.OPEN) continue;
      for (const f of frames) {
        if (CUSTOM_EVENTS.has(String(f.frame.event_type)) && !client.custom) continue;
        if (f.assets.some((a) => client.assets.has(a))) client.socket.send(JSON.stringify(f.frame));
      }
    }
  });

  const dropAll = (): number => {
    const n = clients.size;
    for (const c of clients) c.socket.terminate();
    clients.clear();
    return n;
  };
  faults.bindWs(dropAll);

  return {
    open: () => clients.size,
    total: () => total,
    dropAll,
    close: async () => {
      unlisten();
      server.off('upgrade', onUpgrade);
      dropAll();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
