import { createServer } from 'node:net';

/** A loopback port nothing listens on (the OS picked it a moment ago and it was closed again). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Flags that make whaletop "live" with no network: every Polymarket URL points at a closed loopback port, so each
 * request fails at once with ECONNREFUSED (what a machine without network sees, without waiting for DNS).
 */
export async function offlineArgs(): Promise<string[]> {
  const port = await closedPort();
  const http = `http://127.0.0.1:${port}`;
  return ['--data-api-url', http, '--gamma-url', http, '--clob-url', http, '--ws-url', `ws://127.0.0.1:${port}/ws/market`];
}
