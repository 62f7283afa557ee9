import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidv7 } from '../database/uuidv7';
import { actorOf, type Actor } from '../process/actor';
import type { EventAudience, OutboxRecord } from './bus';
import type { EventPayload, EventType } from './contracts';

/**
 * An event waiting in a subgraph's own schema to be relayed to the bus. Written in the transaction
 * of the change it reports, so there is an event exactly when the change is committed.
 */
@Entity({ tableName: 'outbox_event' })
@Index({ properties: ['relayedAt', 'seq'] })
export class OutboxEvent {
  /** Insertion order: the relay publishes in it, which keeps each entity's events in order. */
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  seq!: string;

  @Property({ type: 'uuid', unique: true })
  id: string = uuidv7();

  @Property({ type: 'text' })
  type!: string;

  @Property({ type: 'text' })
  entityType!: string;

  @Property({ type: 'text' })
  entityKey!: string;

  @Property({ type: 'jsonb' })
  payload: Record<string, unknown> = {};

  @Property({ type: 'text' })
  actor!: string;

  @Property({ type: 'timestamptz' })
  occurredAt!: Date;

  @Property({ type: 'jsonb' })
  audience!: EventAudience;

  @Property({ type: 'timestamptz', nullable: true })
  relayedAt: Date | null = null;
}

/** The channel a subgraph's relay listens on: `outbox_<schema>`. */
export const outboxChannel = (schema: string) => `outbox_${schema}`;

/** An event as a producer hands it to `emitEvent`: a type of `EventContracts` and the payload it declares. */
export interface EmittedEvent<T extends EventType> {
  type: T;
  /** The federation entity it is about, e.g. `Incident`, and its key (`id`). */
  entityType: string;
  entityKey: string;
  payload: EventPayload<T>;
  /** Who besides the center may see it. @default nobody else */
  audience?: Partial<EventAudience>;
}

/**
 * Writes an event to the outbox inside the caller's transaction and rings the relay's doorbell
 * (delivered at commit). `at` is the time of the change, from the caller's clock. The type parameter
 * ties the payload to its type's contract: an unknown type or a payload that does not fit it does not compile.
 */
export async function emitEvent<T extends EventType>(
  em: EntityManager,
  actor: Actor,
  at: Date,
  event: EmittedEvent<T>,
): Promise<OutboxEvent> {
  const record = Object.assign(new OutboxEvent(), {
    ...event,
    actor: actorOf(actor),
    occurredAt: at,
    audience: { public: false, agencyIds: [], fieldUnitIds: [], ...event.audience },
  });
  em.persist(record);
  await em.execute('select pg_notify(?, ?)', [outboxChannel(em.config.get('schema')!), '']);
  return record;
}

export const toOutboxRecord = (source: string, event: OutboxEvent): OutboxRecord => ({
  id: event.id,
  source,
  type: event.type,
  entityType: event.entityType,
  entityKey: event.entityKey,
  payload: event.payload,
  actor: event.actor,
  occurredAt: event.occurredAt,
  audience: event.audience,
});
