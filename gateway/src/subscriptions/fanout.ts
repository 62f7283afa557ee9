import { ErrorCode, type BusEvent, type Logger } from '@ioc-graph/platform';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { setMaxListeners } from 'node:events';
import { ABORTED, TIMED_OUT, within } from './cancellation';
import type { EntityRead } from './entityReader';
import type { EventLog } from './eventLog';

/** A delivered event: the shared bus event, and its entity as the subscriber's group reads it, by alias. */
export interface Delivery {
  event: BusEvent;
  entities: Record<string, unknown>;
}

/**
 * What makes subscribers receive the same results: the same field, filter, selection, variables and
 * rights. One stream serves them all: it decides each event's audience once, reads its entity once and
 * executes the selection once; every subscriber gets the same result.
 */
export interface StreamSpec {
  key: string;
  /** Whether the event is for these subscribers: their filter and the event's audience. */
  accept(event: BusEvent): boolean;
  /** The id of the event's entity; null when it names none (nothing to deliver). */
  entityId(event: BusEvent): string | null;
  /** The entity as the group may read it (null: the graph says it may not); rejects when the read failed. */
  entities(event: BusEvent, id: string): EntityRead | Promise<EntityRead>;
  /** The subscribers' selection executed on a delivery. */
  execute(delivery: Delivery): ExecutionResult | Promise<ExecutionResult>;
}

/**
 * Where a subscriber's results are written as they come: the `next` messages of its subscription,
 * straight to its client's socket, so that one serialised result serves every subscriber of a stream
 * and a burst of events goes out without a round of promises per event and subscriber.
 */
export interface FrameSink {
  /** Writes the `next` message carrying `payload` (a serialised ExecutionResult); `written` is called once the socket has taken it. */
  next(payload: string, written: (error?: Error | null) => void): void;
}

export interface FanoutOptions {
  log: EventLog;
  logger: Logger;
  /** Results a subscriber may leave unread before it is ended with SUBSCRIBER_OVERFLOW. */
  maxLag: number;
  /** How long (ms) an event whose entity cannot be read is retried before its subscribers are ended with UNAVAILABLE. */
  deliveryTimeoutMs: number;
  /** `event` delivered to `count` subscribers at once (metrics). */
  onDelivered?: (event: BusEvent, count: number) => void;
  onSubscriber?: (delta: 1 | -1) => void;
}

const FIRST_RETRY_MS = 100;
const LAST_RETRY_MS = 2_000;
const BATCH = 512;
const GAVE_UP = Symbol('gave up');

/**
 * Fans the event log out to subscribers. Subscribers at the head of the log with equal specs share one
 * stream; one that starts from an older cursor replays on a stream of its own, then joins the shared
 * one where their positions meet, so it never misses an event between replay and live, nor gets one
 * twice. A stream never moves past an event it could not deliver: it retries the read, in order, and
 * past the delivery timeout ends its subscribers with the cursor of the last event each received.
 */
export class Fanout {
  private readonly shared = new Map<string, Stream>();

  /** Stops the shared streams' reading ahead (while there is one, they read ahead). */
  private unlisten: (() => void) | null = null;

  constructor(readonly options: FanoutOptions) {}

  /**
   * A subscriber to `spec` from `after` (null: from the head, live events only). With a sink, results
   * are written to it as they come and the subscriber's iterator only ends; without one, they are
   * queued for the iterator to take.
   */
  subscribe(spec: StreamSpec, after: number | null, sink: FrameSink | null = null): Subscriber {
    const from = after ?? this.options.log.head;
    const subscriber = new Subscriber(from, this.options, sink);
    const stream = this.shared.get(spec.key);
    if (stream && stream.position <= from) stream.add(subscriber);
    else {
      const own = new Stream(this, spec, from);
      own.add(subscriber);
      void own.run();
    }
    return subscriber;
  }

  /** Streams shared by live subscribers (for metrics and tests). */
  get sharedStreams(): number {
    return this.shared.size;
  }

  /**
   * After each batch of a replaying stream: it hands its subscribers to the shared stream of its spec
   * once that one is not ahead of it, or, at the head of the log with no shared stream, becomes it.
   */
  settle(stream: Stream, atHead: boolean): void {
    const shared = this.shared.get(stream.spec.key);
    if (shared === stream) return;
    if (!shared) {
      if (atHead) {
        this.shared.set(stream.spec.key, stream);
        stream.shared = true;
        // New events' entities are asked for as they arrive, also by streams still busy with earlier ones.
        this.unlisten ??= this.options.log.listen((events) => {
          for (const shared of this.shared.values()) shared.readAhead(events);
        });
      }
      return;
    }
    if (shared.position > stream.position) return;
    for (const subscriber of stream.take()) {
      subscriber.from = Math.max(subscriber.from, stream.position);
      shared.add(subscriber);
    }
  }

  forget(stream: Stream): void {
    if (this.shared.get(stream.spec.key) === stream) this.shared.delete(stream.spec.key);
    if (!this.shared.size) {
      this.unlisten?.();
      this.unlisten = null;
    }
  }
}

/** One spec's walk through the log: reads each event's entity once, executes the selection once, hands the result to every subscriber. */
class Stream {
  private readonly subscribers = new Set<Subscriber>();
  private readonly controller = new AbortController();
  /** Live subscribers' stream: it never waits for one of them. A replay waits for its subscriber to take what it was given. */
  shared = false;

  constructor(
    private readonly fanout: Fanout,
    readonly spec: StreamSpec,
    /** The last event handled: every subscriber has been given every event up to here that was for it. */
    public position: number,
  ) {
    // Every event waiting for its entity listens to the stream's end: a replay waits for hundreds at once.
    setMaxListeners(0, this.controller.signal);
  }

  add(subscriber: Subscriber): void {
    this.subscribers.add(subscriber);
    subscriber.stream = this;
  }

  remove(subscriber: Subscriber): void {
    this.subscribers.delete(subscriber);
    if (!this.subscribers.size) this.stop();
  }

  /** Takes every subscriber away (to another stream); this one stops. */
  take(): Subscriber[] {
    const taken = [...this.subscribers];
    this.subscribers.clear();
    this.stop();
    return taken;
  }

  /**
   * Starts the entity reads of events just appended, before their turn: a stream waiting for the reads
   * of earlier events would otherwise only ask for these once it is done with those. The reader shares
   * a read in flight or just made with the stream when their turn comes; a read that fails here is made
   * again then. Only a stream near the head reads ahead, so what it reads is still cached when it gets there.
   */
  readAhead(events: BusEvent[]): void {
    if (this.controller.signal.aborted || (events[0]?.seq ?? 0) - this.position > BATCH) return;
    for (const event of events) {
      if (event.seq <= this.position || !this.spec.accept(event)) continue;
      const id = this.spec.entityId(event);
      if (id !== null)
        Promise.resolve()
          .then(() => this.spec.entities(event, id))
          .catch(() => undefined);
    }
  }

  private stop(): void {
    this.controller.abort();
    this.fanout.forget(this);
  }

  async run(): Promise<void> {
    const { log, logger } = this.fanout.options;
    const signal = this.controller.signal;
    try {
      while (!signal.aborted && !log.isClosed) {
        const batch = await this.readLog(signal);
        if (batch === ABORTED || signal.aborted) return;
        if (batch === GAVE_UP) return this.giveUp(this.position + 1);
        if (!batch.length) {
          this.fanout.settle(this, true);
          if (!signal.aborted) await log.wait(signal);
          continue;
        }
        // Every entity of the batch is asked for at once (the reader batches them); results go out in order.
        const reads = batch.map((event) => {
          if (!this.spec.accept(event)) return null;
          const id = this.spec.entityId(event);
          return id === null ? null : this.entities(event, id, signal);
        });
        for (const [i, event] of batch.entries()) {
          const read = reads[i];
          if (read) {
            const entities = await read;
            if (entities === ABORTED || signal.aborted) return;
            if (entities === GAVE_UP) return this.giveUp(event.seq);
            // Skipped only when the graph answered that these subscribers may not read the entity.
            if (entities) {
              const result = await this.spec.execute({ event, entities });
              if (!this.shared) for (const subscriber of this.subscribers) await subscriber.room(signal);
              if (signal.aborted) return;
              // Serialised once for every subscriber that writes to a socket.
              let json: string | undefined;
              const payload = () => (json ??= serialise(result));
              let written = 0;
              for (const subscriber of this.subscribers) if (subscriber.push(event, result, payload)) written++;
              if (written) this.fanout.options.onDelivered?.(event, written);
            }
          }
          this.position = event.seq;
        }
        this.fanout.settle(this, false);
      }
      for (const subscriber of this.take()) subscriber.end(null);
    } catch (error) {
      logger.error({ err: error }, 'a subscription stream failed');
      const failure = (cursor: number) =>
        new GraphQLError(`The subscription failed; resume after cursor ${cursor}`, {
          extensions: { code: ErrorCode.INTERNAL, cursor: String(cursor) },
        });
      for (const subscriber of this.take()) subscriber.end(failure);
    }
  }

  private giveUp(seq: number): void {
    const { deliveryTimeoutMs } = this.fanout.options;
    const unavailable = (cursor: number) =>
      new GraphQLError(`Event ${seq} could not be delivered for ${deliveryTimeoutMs} ms; resume after cursor ${cursor}`, {
        extensions: { code: ErrorCode.UNAVAILABLE, cursor: String(cursor) },
      });
    for (const subscriber of this.take()) subscriber.end(unavailable);
  }

  /** The next events of the log, retried with backoff while the bus cannot be read (older events come from it). */
  private readLog(signal: AbortSignal) {
    const { log } = this.fanout.options;
    return this.retried(() => log.read(this.position, BATCH), signal, 'could not read the event log; retrying');
  }

  /**
   * An event's entity, retried with backoff while it cannot be read; never rejects: ABORTED when the
   * stream stopped, GAVE_UP past the delivery timeout.
   */
  private entities(event: BusEvent, id: string, signal: AbortSignal) {
    // Failed reads are logged by the reader.
    return this.retried(() => this.spec.entities(event, id), signal);
  }

  /** `attempt` until it settles, with backoff, for at most the delivery timeout; never rejects. */
  private async retried<T>(
    attempt: () => T | Promise<T>,
    signal: AbortSignal,
    warning?: string,
  ): Promise<T | typeof ABORTED | typeof GAVE_UP> {
    const deadline = Date.now() + this.fanout.options.deliveryTimeoutMs;
    for (let pause = FIRST_RETRY_MS; ; pause = Math.min(pause * 2, LAST_RETRY_MS)) {
      try {
        const result = await within(Promise.resolve().then(attempt), signal, deadline - Date.now());
        if (result !== TIMED_OUT) return result;
      } catch (error) {
        if (warning) this.fanout.options.logger.warn({ err: error }, warning);
      }
      if (Date.now() + pause >= deadline) return GAVE_UP;
      if ((await within(new Promise<never>(() => undefined), signal, pause)) === ABORTED) return ABORTED;
    }
  }
}

/** A result as graphql-ws puts it in a `next` message. */
function serialise(result: ExecutionResult): string {
  const { errors, ...rest } = result;
  return JSON.stringify(errors ? { ...rest, errors: errors.map((error) => error.toJSON()) } : rest);
}

/**
 * One subscription. With a sink, each result is written to its socket as its stream hands it over, and
 * at most `maxLag` may wait there for the client to read them; without one, the results are queued (at
 * most `maxLag`) until the iterator takes them. Either way a slow client never holds up its stream, and
 * the iterator ends after the last result: completed, or with the error that ended it.
 */
export class Subscriber implements AsyncIterableIterator<ExecutionResult> {
  stream: Stream | null = null;
  /** The cursor of the last event the client took (with a sink: written to its socket). */
  private delivered: number;
  /** Results written to the sink that the socket has not yet taken. */
  private pending = 0;
  private queue: { event: BusEvent; result: ExecutionResult }[] = [];
  private first = 0;
  private ending: GraphQLError | null = null;
  private done = false;
  private wake: (() => void) | null = null;
  private roomWaiter: (() => void) | null = null;

  constructor(
    /** Events up to this cursor are not for this subscriber (it has them, or started after them). */
    public from: number,
    private readonly options: FanoutOptions,
    private readonly sink: FrameSink | null = null,
  ) {
    this.delivered = from;
    options.onSubscriber?.(1);
  }

  /** A result for this subscriber (`payload`: serialised), unless it started after the event; true when it was written to the sink. */
  push(event: BusEvent, result: ExecutionResult, payload: () => string = () => serialise(result)): boolean {
    if (this.done || this.ending || event.seq <= this.from) return false;
    if (this.backlog >= this.options.maxLag) {
      // What it has not taken is dropped: it resumes from the last event it took.
      this.queue = [];
      this.first = 0;
      this.ending = new GraphQLError(
        `The subscriber fell more than ${this.options.maxLag} events behind; resume after cursor ${this.delivered}`,
        { extensions: { code: ErrorCode.SUBSCRIBER_OVERFLOW, cursor: String(this.delivered) } },
      );
      this.leave();
      this.wakeUp();
    } else if (this.sink) {
      this.pending++;
      this.sink.next(payload(), this.written);
      this.delivered = event.seq;
      return true;
    } else {
      this.queue.push({ event, result });
      this.wakeUp();
    }
    return false;
  }

  /** The socket took a result (or is closed, and graphql-ws ends the subscription). */
  private readonly written = () => {
    this.pending--;
    if (this.roomWaiter && this.pending < this.replayWindow) this.roomWaiter();
  };

  /** Results given and not yet taken by the client. */
  private get backlog(): number {
    return this.sink ? this.pending : this.queue.length - this.first;
  }

  /** Resolves once this subscriber has taken enough of what it was given for a replay to go on (or it ended, or `signal` aborts). */
  room(signal: AbortSignal): Promise<void> {
    if (this.backlog < this.replayWindow || this.done || this.ending) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => (signal.removeEventListener('abort', done), (this.roomWaiter = null), resolve());
      this.roomWaiter = done;
      signal.addEventListener('abort', done, { once: true });
    });
  }

  private get replayWindow(): number {
    return Math.max(1, Math.floor(this.options.maxLag / 2));
  }

  /** Ends the subscription after what it was given: completed (null), or with the error for the cursor of the last event it will have taken. */
  end(error: ((cursor: number) => GraphQLError) | null): void {
    if (this.done || this.ending) return;
    const last = this.queue.length > this.first ? this.queue[this.queue.length - 1].event.seq : this.delivered;
    if (error) this.ending = error(last);
    else this.queue.push({ event: END, result: {} });
    this.leave();
    this.wakeUp();
  }

  async next(): Promise<IteratorResult<ExecutionResult>> {
    for (;;) {
      if (this.first < this.queue.length) {
        const { event, result } = this.queue[this.first++];
        if (this.first > 1_024 && this.first * 2 > this.queue.length) {
          this.queue = this.queue.slice(this.first);
          this.first = 0;
        }
        if (event === END) return this.return();
        if (this.roomWaiter && this.queue.length - this.first < this.replayWindow) this.roomWaiter();
        this.delivered = event.seq;
        this.options.onDelivered?.(event, 1);
        return { value: result, done: false };
      }
      if (this.ending) {
        const error = this.ending;
        await this.return();
        throw error;
      }
      if (this.done) return { value: undefined, done: true };
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** The client went away (or the subscription ended): leaves its stream at once. */
  async return(): Promise<IteratorResult<ExecutionResult>> {
    if (!this.done) {
      this.done = true;
      this.queue = [];
      this.leave();
      this.options.onSubscriber?.(-1);
      this.wakeUp();
      this.roomWaiter?.();
    }
    return { value: undefined, done: true };
  }

  async throw(error?: unknown): Promise<IteratorResult<ExecutionResult>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ExecutionResult> {
    return this;
  }

  private leave(): void {
    const stream = this.stream;
    this.stream = null;
    stream?.remove(this);
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

/** Marks the end of a completed subscription in its queue. */
const END = { seq: Number.MAX_SAFE_INTEGER } as BusEvent;
