import type { Orm } from '../database/orm';
import type { Logger } from '../logging';
import type { EventBus } from './bus';
import { ListenConnection, type ReconnectBackoff } from './listenConnection';
import { OutboxEvent, outboxChannel, toOutboxRecord } from './outboxEvent';

const BATCH = 500;

/** Where a relay stands: `active` holds the lock and publishes; `standby` waits for it; `lost` has no connection. */
export type RelayRole = 'starting' | 'active' | 'standby' | 'lost';

export interface OutboxRelayOptions {
  /** How often it polls the outbox besides the doorbell (NOTIFY), and how often a standby tries the lock. @default 1000 */
  intervalMs?: number;
  /** Reconnection delays after its connection drops. @default 100 ms doubling to 5 s */
  backoff?: ReconnectBackoff;
  /** Told each change of role (a metric, a test). */
  onRole?: (role: RelayRole) => void;
}

/**
 * Relays a subgraph's outbox to the bus, at least once and in outbox order. One relay per subgraph
 * is active at a time (a session advisory lock, held by its LISTEN connection): a second instance
 * waits as a standby, so two relays do not publish the same events twice over.
 *
 * When that connection drops (a database restart, a terminated backend) the lock went with it: the
 * relay turns `lost` at once and publishes nothing more, reconnects with backoff, LISTENs again and
 * tries the lock again; it is active or a standby after that, whichever instance got there first.
 *
 * Why the bus stays in outbox order even so: the lock is held by one connection and the rows are read,
 * published (through the bus) and marked (through the ORM's pool) over others, so a relay whose
 * connection just died may still finish publishing the batch it had read. That is harmless. A relay
 * publishes, in `seq` order, the pending rows from the first one not yet marked, and marks a row only
 * after the bus stored it; the bus stores an id once and skips it when published again. So every
 * publication starts at or before the end of what the bus already holds, and the bus always holds a
 * prefix of the outbox: a late batch of a relay that lost the lock adds only rows the new active relay
 * has not published yet, in their order, and the new one then skips them. The lock saves the double
 * work; the order does not depend on it. (NATS skips a known id only within its duplicate window, two
 * minutes by default: only a publish stuck longer than that could store an event twice.)
 */
export class OutboxRelay {
  private connection: ListenConnection | null = null;
  private timer: NodeJS.Timeout | null = null;
  private retry: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private role: RelayRole = 'starting';
  private failures = 0;
  private stopped = false;

  constructor(
    private readonly orm: Orm,
    private readonly databaseUrl: string,
    private readonly bus: EventBus,
    private readonly source: string,
    private readonly logger: Logger,
    private readonly options: OutboxRelayOptions = {},
  ) {}

  private get schema(): string {
    return this.orm.config.get('schema')!;
  }

  /** Whether this relay holds its outbox's lock and publishes (false while a standby or reconnecting). */
  get active(): boolean {
    return this.role === 'active';
  }

  async start(): Promise<void> {
    this.connection = await ListenConnection.open({
      url: this.databaseUrl,
      channel: outboxChannel(this.schema),
      what: `outbox relay of ${this.schema}`,
      logger: this.logger,
      backoff: this.options.backoff,
      onNotification: () => void this.relay(),
      onLost: () => this.become('lost'),
      // Rows written while it was away have rung no bell: relay them now (or take the lock as a standby).
      onReconnected: () => void this.relay(),
    });
    this.timer = setInterval(() => void this.relay(), this.options.intervalMs ?? 1000);
    await this.relay();
  }

  /** Publishes everything pending; resolves when the outbox is empty (or this relay is a standby). */
  relay(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain()
      .then(() => {
        this.failures = 0;
      })
      .catch((error) => this.failed(error))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private become(role: RelayRole): void {
    if (role === this.role) return;
    this.role = role;
    if (role === 'active') this.logger.info({ schema: this.schema }, 'outbox relay active');
    if (role === 'standby') this.logger.info({ schema: this.schema }, 'outbox relay standby: another instance holds the outbox');
    this.options.onRole?.(role);
  }

  /** Holds the lock, or takes it when free; false when another instance holds it or there is no connection. */
  private async acquire(): Promise<boolean> {
    if (this.role === 'active') return true;
    const client = this.connection?.current;
    if (!client || this.stopped) return false;
    let locked: boolean;
    try {
      const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtext($1)) as ok', [
        `outbox-relay:${this.schema}`,
      ]);
      locked = rows[0].ok;
    } catch (error) {
      this.connection?.lose(client, error);
      return false;
    }
    // The connection may have dropped while the answer travelled: a lock of a dead session is no lock.
    if (client !== this.connection?.current || this.stopped) return false;
    this.become(locked ? 'active' : 'standby');
    return locked;
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      if (!(await this.acquire())) return;
      for (;;) {
        const em = this.orm.em.fork();
        const pending = await em.find(OutboxEvent, { relayedAt: null }, { orderBy: { seq: 'ASC' }, limit: BATCH });
        // Checked again before publishing: a relay that lost its lock meanwhile leaves the rows to the next active one.
        if (!pending.length || !this.active || this.stopped) return;
        await this.bus.publish(pending.map((event) => toOutboxRecord(this.source, event)));
        await em.nativeUpdate(OutboxEvent, { seq: { $in: pending.map((e) => e.seq) } }, { relayedAt: new Date() });
        if (pending.length < BATCH) break;
      }
    } while (this.again && !this.stopped);
  }

  /**
   * A relay that failed (the bus or the database down) tries again with backoff rather than on its next
   * poll or doorbell, which may be far off; its lock connection is checked, since a query that failed on
   * the pool may mean it is gone too. Logged once per run of failures.
   */
  private failed(error: unknown): void {
    if (this.stopped) return;
    if (this.failures++ === 0) this.logger.warn({ err: error, schema: this.schema }, 'relaying the outbox failed; retrying');
    const client = this.connection?.current;
    if (client) void client.query('select 1').catch((lost) => this.connection?.lose(client, lost));
    const delay = Math.min(100 * 2 ** (this.failures - 1), this.options.backoff?.maxMs ?? 5000);
    if (this.retry) clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.relay(), delay);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.retry) clearTimeout(this.retry);
    await this.running;
    // Ending the session releases the advisory lock: a standby takes over.
    await this.connection?.close();
    this.connection = null;
  }
}
