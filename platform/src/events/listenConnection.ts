import { Client } from 'pg';
import type { Logger } from '../logging';

/** Delays between reconnection attempts: doubling from `minMs` up to `maxMs`, back to `minMs` once connected. */
export interface ReconnectBackoff {
  /** @default 100 */
  minMs?: number;
  /** @default 5000 */
  maxMs?: number;
}

export interface ListenConnectionOptions {
  url: string;
  /** The channel to LISTEN on (an SQL identifier). */
  channel: string;
  /** Who holds the connection, for the log lines (`outbox relay of incidents`). */
  what: string;
  logger?: Logger;
  backoff?: ReconnectBackoff;
  /** A NOTIFY arrived on the channel. */
  onNotification(): void;
  /** The connection was lost (an error, its end, or a query on it failed): called once, at once, before reconnecting. */
  onLost?(): void;
  /** A new connection is LISTENing again after a loss: NOTIFYs sent meanwhile are gone, so catch up. */
  onReconnected?(): void;
}

/**
 * A PostgreSQL connection that LISTENs on one channel and comes back by itself: when it drops (the
 * database restarted, the backend was terminated, the network failed) it reports the loss, reconnects
 * with a bounded backoff and LISTENs again. Session state (LISTEN, session advisory locks) dies with a
 * connection, so the owner re-establishes what it held in `onReconnected`, on `current`.
 */
export class ListenConnection {
  private client: Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private delay: number;
  private closed = false;

  private constructor(private readonly options: ListenConnectionOptions) {
    this.delay = options.backoff?.minMs ?? 100;
  }

  /** Connects and LISTENs; rejects when the first connection fails (a database that is down at start is a configuration error). */
  static async open(options: ListenConnectionOptions): Promise<ListenConnection> {
    const connection = new ListenConnection(options);
    connection.client = await connection.connect();
    return connection;
  }

  /** The live connection, or null while reconnecting. */
  get current(): Client | null {
    return this.client;
  }

  /**
   * Takes `client` for lost (a query on it failed): reports the loss and reconnects. Does nothing when
   * `client` is no longer the current connection (its loss was already handled).
   */
  lose(client: Client, error?: unknown): void {
    if (client !== this.client) return;
    this.client = null;
    void client.end().catch(() => undefined);
    if (this.closed) return;
    this.options.logger?.warn(
      { err: error, channel: this.options.channel },
      `${this.options.what}: database connection lost; reconnecting`,
    );
    this.options.onLost?.();
    this.schedule();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<Client> {
    const client = new Client({ connectionString: this.options.url, keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
    // Both stay attached for the client's life: a late error of a dropped client must not crash the process.
    client.on('error', (error) => this.lose(client, error));
    client.on('end', () => this.lose(client, new Error('connection ended')));
    client.on('notification', () => this.options.onNotification());
    try {
      await client.connect();
      await client.query(`listen ${this.options.channel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    return client;
  }

  private schedule(): void {
    const delay = this.delay;
    this.delay = Math.min(delay * 2, this.options.backoff?.maxMs ?? 5000);
    this.retry = setTimeout(() => void this.reconnect(), delay);
  }

  private async reconnect(): Promise<void> {
    this.retry = null;
    if (this.closed) return;
    let client: Client;
    try {
      client = await this.connect();
    } catch (error) {
      this.options.logger?.debug({ err: error }, `${this.options.what}: reconnecting failed`);
      if (!this.closed) this.schedule();
      return;
    }
    if (this.closed) return void (await client.end().catch(() => undefined));
    this.client = client;
    this.delay = this.options.backoff?.minMs ?? 100;
    this.options.logger?.info({ channel: this.options.channel }, `${this.options.what}: reconnected`);
    this.options.onReconnected?.();
  }
}
