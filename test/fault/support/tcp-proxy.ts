import { createServer, connect, type Server, type Socket } from 'node:net';

/** Options of {@link createTcpProxy}. */
export interface TcpProxyOptions {
  /** Where connections are forwarded, e.g. the shared PostgreSQL's port. */
  target: { host: string; port: number };
}

/**
 * A TCP proxy on 127.0.0.1 that a test controls: the service under test connects to `port` instead of the real
 * server, so the test can take "the server" away (`stop`), bring it back on the same port (`start`), cut every open
 * connection (`cutConnections`) or delay every reply (`delayReplies`) without touching the server other projects
 * share. Hand-written: it is forty lines over `node:net`, and the fault tests need these exact controls.
 */
export interface TcpProxy {
  readonly port: number;
  /** `target`'s URL with its host and port replaced by the proxy's. */
  rewrite(url: string): string;
  /** Open client connections right now. */
  readonly connections: number;
  /** Connections accepted since the proxy was created. */
  readonly accepted: number;
  /** Stops listening and cuts every connection: to the client it looks like the server went down. */
  stop(): Promise<void>;
  /** Listens again on the same port: the server is back. */
  start(): Promise<void>;
  /** Cuts every open connection (both sides) and keeps listening: a network blip or a killed backend. */
  cutConnections(): void;
  /** Holds each chunk from the server for `ms` before passing it on; 0 stops delaying. */
  delayReplies(ms: number): void;
  close(): Promise<void>;
}

export async function createTcpProxy(options: TcpProxyOptions): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let accepted = 0;
  let delayMs = 0;
  let server: Server | undefined;
  let port = 0;

  const handle = (client: Socket) => {
    accepted += 1;
    const upstream = connect(options.target.port, options.target.host);
    open.add(client);
    open.add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => {
      if (delayMs === 0) client.write(chunk);
      else {
        // Order is kept: every chunk waits the same time and timers of equal delay fire in creation order.
        upstream.pause();
        setTimeout(() => {
          if (!client.destroyed) client.write(chunk);
          upstream.resume();
        }, delayMs);
      }
    });
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = createServer(handle);
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        server = next;
        const address = next.address();
        port = typeof address === 'object' && address !== null ? address.port : port;
        resolve();
      });
    });

  const cutConnections = () => {
    for (const socket of open) socket.destroy();
    open.clear();
  };

  const stop = async () => {
    const current = server;
    server = undefined;
    cutConnections();
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
  };

  await listen();
  return {
    get port() {
      return port;
    },
    get connections() {
      return [...open].length / 2;
    },
    get accepted() {
      return accepted;
    },
    rewrite(url) {
      const parsed = new URL(url);
      parsed.hostname = '127.0.0.1';
      parsed.port = String(port);
      return parsed.toString();
    },
    stop,
    start: async () => {
      if (server === undefined) await listen();
    },
    cutConnections,
    delayReplies(ms) {
      delayMs = ms;
    },
    close: stop,
  };
}
