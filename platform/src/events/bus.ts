/** Who may see an event: the gateway delivers it only to subscribers inside its audience. */
export interface EventAudience {
  /** Anyone may see it, the public included (a published result). */
  public: boolean;
  /** Agencies whose staff may see it (the agency handling an incident). Leaders and operators see all. */
  agencyIds: string[];
  /** Field units whose officers may see it (a dispatch). */
  fieldUnitIds: string[];
}

/** An event as written to a subgraph's outbox, in the same transaction as the change it reports. */
export interface OutboxRecord {
  /** Unique id of the event (UUIDv7): a bus stores an id once, however often it is relayed. */
  id: string;
  /** The subgraph that wrote it. */
  source: string;
  /** Dotted name, e.g. `incident.assigned`. */
  type: string;
  /** The federation entity it is about, e.g. `Incident`, and its key (`id`). */
  entityType: string;
  entityKey: string;
  /** A small payload: what subscribers filter on (sector, unit lineage, agency, states…). */
  payload: Record<string, unknown>;
  /** The account that caused it (`scheduler` for follow-up, `public` for citizens). */
  actor: string;
  occurredAt: Date;
  audience: EventAudience;
}

/** An event on the bus: an outbox record with its cursor, a position in one global order. */
export interface BusEvent extends OutboxRecord {
  /** Position on the bus, gap-free and increasing; subscribers resume after it. */
  seq: number;
  /** When the bus stored it (the lag of a delivery is measured from here). */
  storedAt: Date;
}

/** A live feed from the bus; `close()` stops it. */
export interface BusFeed {
  close(): Promise<void>;
}

/**
 * Where subgraphs' relays publish events and gateways read them. Two adapters implement it:
 * PostgreSQL (a gap-free event log, LISTEN/NOTIFY as a doorbell) and NATS JetStream (one stream,
 * stream sequence as the cursor).
 */
export interface EventBus {
  /** Stores events in the given order; an id already stored is skipped (relays deliver at least once). */
  publish(records: OutboxRecord[]): Promise<void>;
  /** The sequence of the newest stored event (0 when empty). */
  head(): Promise<number>;
  /** Up to `limit` stored events with seq > `after`, in order. */
  read(after: number, limit: number): Promise<BusEvent[]>;
  /**
   * Calls `onEvents` with every event with seq > `after` as it is stored, in order, without gaps or
   * repeats, until the feed is closed. Batches may hold several events.
   */
  follow(after: number, onEvents: (events: BusEvent[]) => void | Promise<void>): Promise<BusFeed>;
  close(): Promise<void>;
}
