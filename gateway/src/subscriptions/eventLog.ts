import type { BusEvent, BusFeed, EventBus, Logger } from '@ioc-graph/platform';

/** Events kept beyond the capacity before the oldest are dropped. */
const TRIM_SLACK = 1_024;

/**
 * The gateway's view of the event stream: the newest events in memory, older ones read from the bus.
 * One bus feed per gateway fills it; every subscriber reads it by position (its cursor), so a
 * subscriber never waits for another, never misses an event between a replay and live events, and
 * never gets one twice.
 */
export class EventLog {
  private events: BusEvent[] = [];
  private last = 0;
  private feed: BusFeed | null = null;
  private waiters = new Set<() => void>();
  private listeners = new Set<(events: BusEvent[]) => void>();
  private closed = false;

  constructor(
    private readonly bus: EventBus,
    private readonly logger: Logger,
    /** Events kept in memory; subscribers further behind read the bus. */
    private readonly capacity = 20_000,
    private readonly onAppend?: (events: BusEvent[]) => void,
  ) {}

  async start(): Promise<void> {
    this.last = await this.bus.head();
    this.feed = await this.bus.follow(this.last, (events) => this.append(events));
  }

  /** The cursor of the newest event. */
  get head(): number {
    return this.last;
  }

  private append(events: BusEvent[]): void {
    for (const event of events) {
      if (event.seq <= this.last) continue;
      if (event.seq !== this.last + 1) this.logger.warn({ expected: this.last + 1, got: event.seq }, 'event stream skipped a sequence');
      this.events.push(event);
      this.last = event.seq;
    }
    // Trimmed a batch at a time: a splice moves the whole array, once per TRIM_SLACK events instead of per append.
    if (this.events.length > this.capacity + TRIM_SLACK) this.events.splice(0, this.events.length - this.capacity);
    this.onAppend?.(events);
    for (const listener of this.listeners) listener(events);
    for (const wake of [...this.waiters]) wake();
  }

  /** Calls `listener` with the events of every append, as they arrive; returns what stops it. */
  listen(listener: (events: BusEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Up to `limit` events after `after`, in order: from memory when they are there, else from the bus. */
  async read(after: number, limit: number): Promise<BusEvent[]> {
    const first = this.events.length ? this.events[0].seq : this.last + 1;
    if (after + 1 >= first) {
      const from = after + 1 - first;
      return this.events.slice(from, from + limit);
    }
    // Older than memory: read from the bus, up to where memory starts.
    return this.bus.read(after, Math.min(limit, first - 1 - after));
  }

  /** Resolves at the next append, at close, or when `signal` aborts. */
  wait(signal?: AbortSignal): Promise<void> {
    if (this.closed || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      this.waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const wake of [...this.waiters]) wake();
    await this.feed?.close();
  }
}
