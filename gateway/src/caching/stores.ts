import type { BusEvent, Logger } from '@ioc-graph/platform';
import { Redis } from 'ioredis';

/** Something kept (an answer, an entity) and what it was read from. */
export interface Kept<T> {
  value: T;
  /** The subgraphs it was read from: an event of any of them after `seenSeq` makes it stale (see {@link Changes}). */
  subgraphs: string[];
  /** The bus cursor the gateway had seen when the read began. */
  seenSeq: number;
  /** When it stops being served, whatever happens (ms since the epoch): the smallest cache hint of its parts. */
  expiresAt: number;
}

/** Where things are kept: this gateway's memory, and Redis when several gateways share them. */
export interface CacheStore<T> {
  get(key: string): Promise<Kept<T> | undefined>;
  /** Keeps `kept`, whose JSON is about `bytes` long. */
  set(key: string, kept: Kept<T>, bytes: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * What changed, as the gateway sees the bus: the cursor of the last event of each subgraph. Something
 * kept is fresh while no subgraph it was read from has had an event after the cursor seen when its read
 * began (so that a change committed while it was being read also makes it stale), and only when it was
 * read after this gateway started: what changed before, the gateway does not know.
 */
export class Changes {
  private readonly lastChange = new Map<string, number>();
  private readonly startedAt: number;

  constructor(private readonly head: () => number) {
    this.startedAt = head();
  }

  /** The cursor to record when a read begins. */
  get seen(): number {
    return this.head();
  }

  /** Takes the events the gateway sees from the bus (EventLog.listen). */
  readonly observe = (events: BusEvent[]): void => {
    for (const event of events) this.lastChange.set(event.source, Math.max(event.seq, this.lastChange.get(event.source) ?? 0));
  };

  isFresh(kept: Kept<unknown>, now = Date.now()): boolean {
    if (kept.seenSeq < this.startedAt || kept.expiresAt <= now) return false;
    return kept.subgraphs.every((subgraph) => (this.lastChange.get(subgraph) ?? 0) <= kept.seenSeq);
  }
}

/**
 * The newest answers in this process, up to `maxBytes` of their JSON: a Map in order of last use, the
 * least recently used dropped first. Expired answers go when they are next asked for or pushed out.
 */
export class MemoryStore<T> implements CacheStore<T> {
  private readonly entries = new Map<string, { kept: Kept<T>; bytes: number }>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  async get(key: string): Promise<Kept<T> | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.kept.expiresAt <= Date.now()) {
      this.bytes -= entry.bytes;
      return undefined;
    }
    this.entries.set(key, entry);
    return entry.kept;
  }

  async set(key: string, kept: Kept<T>, bytes: number): Promise<void> {
    if (bytes > this.maxBytes) return;
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.bytes -= previous.bytes;
    }
    this.entries.set(key, { kept, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }

  /** Entries kept, and the bytes of their JSON (for tests and metrics). */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  async close(): Promise<void> {
    this.entries.clear();
    this.bytes = 0;
  }
}

/**
 * Memory in front of Redis: an answer one gateway read is served by every gateway of the hub. Redis out of
 * reach costs only the sharing: each gateway goes on with its memory, and a warning is logged once a minute
 * at most.
 */
export class SharedStore<T> implements CacheStore<T> {
  /**
   * @param shared one Redis client for every store of the gateway, and its warning (see {@link connectCacheRedis})
   * @param prefix of this store's keys
   */
  constructor(
    private readonly memory: MemoryStore<T>,
    private readonly shared: CacheRedis,
    private readonly prefix: string,
  ) {}

  async get(key: string): Promise<Kept<T> | undefined> {
    const local = await this.memory.get(key);
    if (local) return local;
    try {
      const stored = await this.shared.client.get(this.prefix + key);
      if (!stored) return undefined;
      const kept = JSON.parse(stored) as Kept<T>;
      if (kept.expiresAt <= Date.now()) return undefined;
      await this.memory.set(key, kept, stored.length);
      return kept;
    } catch (error) {
      this.shared.warn(error);
      return undefined;
    }
  }

  async set(key: string, kept: Kept<T>, bytes: number): Promise<void> {
    await this.memory.set(key, kept, bytes);
    const ttl = kept.expiresAt - Date.now();
    if (ttl <= 0) return;
    await this.shared.client.set(this.prefix + key, JSON.stringify(kept), 'PX', ttl).catch((error: unknown) => this.shared.warn(error));
  }

  async close(): Promise<void> {
    await this.memory.close();
  }
}

/** The Redis client of the gateway's caches, and how they report that it is out of reach. */
export interface CacheRedis {
  client: Redis;
  /** Logs that the caches cannot reach Redis, once a minute at most whichever cache or event tells it. */
  warn(error: unknown): void;
}

/** Connects the gateway's caches to Redis: commands fail fast when it is out of reach, never queue. */
export function connectCacheRedis(url: string, logger: Logger): CacheRedis {
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 500 });
  let warnedAt = 0;
  const warn = (error: unknown) => {
    if (Date.now() - warnedAt < 60_000) return;
    warnedAt = Date.now();
    logger.warn({ err: error }, 'the caches of the gateway cannot reach Redis; each keeps what it reads in this gateway only');
  };
  client.on('error', warn);
  return { client, warn };
}
