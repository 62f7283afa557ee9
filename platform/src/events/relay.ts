import type { Orm } from '../database/orm';
import { Client } from 'pg';
import type { Logger } from '../logging';
import type { EventBus } from './bus';
import { OutboxEvent, outboxChannel, toOutboxRecord } from './outboxEvent';

const BATCH = 500;

/**
 * Relays a subgraph's outbox to the bus, at least once and in outbox order. One relay per subgraph
 * is active at a time (a session advisory lock): a second instance waits as a standby, so events of
 * one entity are never published out of order by two relays racing.
 */
export class OutboxRelay {
  private listener: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private active = false;
  private stopped = false;

  constructor(
    private readonly orm: Orm,
    private readonly databaseUrl: string,
    private readonly bus: EventBus,
    private readonly source: string,
    private readonly logger: Logger,
    private readonly intervalMs = 1000,
  ) {}

  private get schema(): string {
    return this.orm.config.get('schema')!;
  }

  async start(): Promise<void> {
    const listener = new Client({ connectionString: this.databaseUrl });
    listener.on('error', (error) => this.logger.warn({ err: error }, 'outbox relay connection lost'));
    listener.on('notification', () => void this.relay());
    await listener.connect();
    await listener.query(`listen ${outboxChannel(this.schema)}`);
    this.listener = listener;
    this.timer = setInterval(() => void this.relay(), this.intervalMs);
    await this.relay();
  }

  /** Publishes everything pending; resolves when the outbox is empty (or this relay is a standby). */
  relay(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain()
      .catch((error) => this.logger.warn({ err: error }, 'relaying the outbox failed; retrying'))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async drain(): Promise<void> {
    if (this.stopped || !this.listener) return;
    if (!this.active) {
      const { rows } = await this.listener.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtext($1)) as ok', [
        `outbox-relay:${this.schema}`,
      ]);
      this.active = rows[0].ok;
      if (!this.active) return;
      this.logger.info({ schema: this.schema }, 'outbox relay active');
    }
    do {
      this.again = false;
      for (;;) {
        const em = this.orm.em.fork();
        const pending = await em.find(OutboxEvent, { relayedAt: null }, { orderBy: { seq: 'ASC' }, limit: BATCH });
        if (!pending.length || this.stopped) break;
        await this.bus.publish(pending.map((event) => toOutboxRecord(this.source, event)));
        await em.nativeUpdate(OutboxEvent, { seq: { $in: pending.map((e) => e.seq) } }, { relayedAt: new Date() });
        if (pending.length < BATCH) break;
      }
    } while (this.again && !this.stopped);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    // Ending the session releases the advisory lock: a standby takes over.
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
  }
}
