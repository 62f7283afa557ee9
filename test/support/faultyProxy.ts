import { connect, createServer, type Socket } from 'node:net';

/** What a {@link FaultyProxy} does with connections: forward them, refuse them, or accept and never answer. */
export type ProxyMode = 'up' | 'down' | 'hang';

/** A loopback TCP proxy in front of a service, whose faults a test switches on and off. */
export interface FaultyProxy {
  /** The service's URL through the proxy (same path). */
  readonly url: string;
  readonly mode: ProxyMode;
  /** HTTP requests that reached the proxy (in any mode) since it started or since {@link resetCounts}. */
  readonly requests: number;
  /** Connections accepted since it started or since {@link resetCounts}. */
  readonly connections: number;
  /** Connections open and hanging now: 0 once the client gave up on them and closed them. */
  readonly hanging: number;
  /** As a process that was killed: open connections are reset, new ones too. */
  down(): void;
  /**
   * As a process that was stopped (SIGSTOP): the kernel still accepts connections, but nothing is read
   * or answered, on new connections and on those already open.
   */
  hang(): void;
  /** Forwards again; connections that hung are closed (their requests were abandoned long ago). */
  up(): void;
  resetCounts(): void;
  close(): Promise<void>;
}

const REQUEST_LINE = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \S+ HTTP\/1\.[01]\r\n/;

/** Starts a {@link FaultyProxy} to `target` (an http:// URL) on a free loopback port, forwarding. */
export async function faultyProxy(target: string): Promise<FaultyProxy> {
  const { hostname, port, pathname } = new URL(target);
  const sockets = new Set<Socket>();
  const hung = new Set<Socket>();
  let mode: ProxyMode = 'up';
  let requests = 0;
  let connections = 0;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined).on('close', () => (sockets.delete(socket), hung.delete(socket)));
  };

  const server = createServer((client) => {
    connections += 1;
    track(client);
    // A request line at the start of a chunk: the gateway's requests are small and sent whole.
    client.on('data', (chunk: Buffer) => void (REQUEST_LINE.test(chunk.toString('latin1', 0, 64)) && (requests += 1)));
    if (mode === 'down') return void client.resetAndDestroy();
    if (mode === 'hang') return void hung.add(client);
    const upstream = connect(Number(port), hostname);
    track(upstream);
    client.on('data', (chunk: Buffer) => {
      if (mode === 'hang') hung.add(client);
      else upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => void (mode === 'hang' || client.write(chunk)));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };

  return {
    url: `http://127.0.0.1:${address.port}${pathname}`,
    get mode() {
      return mode;
    },
    get requests() {
      return requests;
    },
    get connections() {
      return connections;
    },
    get hanging() {
      return hung.size;
    },
    down() {
      mode = 'down';
      for (const socket of sockets) socket.resetAndDestroy();
    },
    hang() {
      mode = 'hang';
    },
    up() {
      mode = 'up';
      for (const socket of hung) socket.destroy();
    },
    resetCounts() {
      requests = 0;
      connections = 0;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
