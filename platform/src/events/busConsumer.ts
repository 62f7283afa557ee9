import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { Orm } from '../database/orm';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../logging';
import type { BusEvent, BusFeed, EventBus } from './bus';
import type { BusEventOf, EventType } from './contracts';

/** How far a subgraph's consumer has read the bus, kept in the subgraph's own schema. */
@Entity({ tableName: 'bus_cursor' })
export class BusCursor {
  @PrimaryKey({ type: 'text' })
  name!: string;

  @Property({ type: 'bigint' })
  position!: string;
}

/** What a consumer does with the events it wants, read through their contracts. */
export interface EventHandler<T extends EventType> {
  /**
   * Which events to hand over, narrowing them to their contracts (e.g. with `isEventOf`). The others
   * are passed over: the cursor moves past them all the same.
   */
  accepts(event: BusEvent): event is BusEventOf<T>;
  /** Acts on a batch of accepted events, in their order, inside the transaction that moves the cursor. */
  handle(em: EntityManager, events: BusEventOf<T>[]): Promise<void>;
}

/**
 * Lets a subgraph act on other subgraphs' events (the incidents subgraph turning a sector's breach into
 * an alert). Each batch is handled in one transaction together with the move of the cursor, so a
 * restart resumes after the last batch handled; handlers are idempotent all the same, since two
 * instances may read the same events.
 */
export class BusConsumer<T extends EventType = EventType> {
  private feed: BusFeed | null = null;

  constructor(
    private readonly orm: Orm,
    private readonly bus: EventBus,
    private readonly name: string,
    private readonly handler: EventHandler<T>,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    const em = this.orm.em.fork();
    const cursor = await em.findOne(BusCursor, { name: this.name });
    // A new consumer starts at the present: history belongs to the subgraphs that made it.
    const after = cursor ? Number(cursor.position) : await this.bus.head();
    this.feed = await this.bus.follow(after, (events) => this.consume(events));
  }

  private async consume(events: BusEvent[]): Promise<void> {
    const accepted = events.filter((event) => this.handler.accepts(event));
    await this.orm.em.fork().transactional(async (em) => {
      if (accepted.length) await this.handler.handle(em, accepted);
      await em.upsert(BusCursor, { name: this.name, position: String(events.at(-1)!.seq) });
    });
    this.logger.debug({ consumer: this.name, events: events.length, accepted: accepted.length }, 'consumed events');
  }

  async stop(): Promise<void> {
    await this.feed?.close();
    this.feed = null;
  }
}
