import { DIRECTORY_EVENT_TYPES, isEventOf, type BusEvent, type BusFeed, type EventBus, type Logger } from '@ioc-graph/platform';
import type { AgencyFacts, UnitFacts } from './directoryLookup';

/** How long a fact is kept at most, even when no event says it changed (a bus that stopped delivering). */
export const DIRECTORY_CACHE_TTL_MS = 60_000;
/** How many units and how many agencies are kept; the least recently used go first. */
export const DIRECTORY_CACHE_ENTRIES = 10_000;

/** A map bounded in size (least recently used out first) and in age. */
class BoundedMap<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
  ) {}

  get(key: string, now: number): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expires <= now) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V, now: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: now + this.ttlMs });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Drops every entry whose value matches. */
  deleteWhere(matches: (value: V, key: string) => boolean): void {
    for (const [key, entry] of this.entries) if (matches(entry.value, key)) this.entries.delete(key);
  }
}

/**
 * What the incidents subgraph keeps of the directory between requests: units' lineages and agencies'
 * names, which every alert and assignment would otherwise ask the directory for over HTTP. Shared by
 * the requests of one process; every process follows the bus itself, so that each instance drops
 * what the directory announces as changed (`administrativeUnit.updated`, `agency.updated`).
 *
 * Bound: a fact is served at most until the directory's change event reaches this process (the bus's
 * delivery lag after the change committed), and never longer than {@link DIRECTORY_CACHE_TTL_MS} after
 * it was fetched, whatever the bus does. A lookup that was in flight when an event arrived is not
 * kept, since it may have read the directory before the change. Unknown ids are never cached.
 */
export class DirectoryCache {
  private readonly unitFacts: BoundedMap<UnitFacts>;
  private readonly agencyFacts: BoundedMap<AgencyFacts>;
  private feed: BusFeed | null = null;
  /** Counts invalidations: a lookup started in an older generation may hold stale facts. */
  private generation = 0;

  constructor(
    private readonly now: () => number = Date.now,
    { maxEntries = DIRECTORY_CACHE_ENTRIES, ttlMs = DIRECTORY_CACHE_TTL_MS } = {},
  ) {
    this.unitFacts = new BoundedMap(maxEntries, ttlMs);
    this.agencyFacts = new BoundedMap(maxEntries, ttlMs);
  }

  /** Follows the bus from its present head (what was cached before is gone with the process). */
  async follow(bus: EventBus, logger: Logger): Promise<void> {
    this.feed = await bus.follow(await bus.head(), (events) => {
      const changed = events.filter((event) => isEventOf(event, DIRECTORY_EVENT_TYPES));
      if (changed.length) logger.debug({ events: changed.length }, 'directory changed: cached facts dropped');
      this.invalidate(changed);
    });
  }

  async stop(): Promise<void> {
    await this.feed?.close();
    this.feed = null;
  }

  /**
   * Drops what the events make stale: a changed unit, and every unit below it (their lineages pass
   * through it); a changed agency.
   */
  invalidate(events: BusEvent[]): void {
    if (!events.length) return;
    this.generation++;
    for (const { entityType, entityKey } of events) {
      if (entityType === 'AdministrativeUnit') this.unitFacts.deleteWhere((unit) => unit.lineage.includes(entityKey));
      else if (entityType === 'Agency') this.agencyFacts.deleteWhere((_, id) => id === entityKey);
    }
  }

  /** Facts of the given units, from the cache or from `fetch` (which answers null for unknown ids). */
  units(ids: readonly string[], fetch: (ids: string[]) => Promise<(UnitFacts | null)[]>) {
    return this.through(this.unitFacts, ids, fetch);
  }

  /** Facts of the given agencies, from the cache or from `fetch` (which answers null for unknown ids). */
  agencies(ids: readonly string[], fetch: (ids: string[]) => Promise<(AgencyFacts | null)[]>) {
    return this.through(this.agencyFacts, ids, fetch);
  }

  private async through<V>(map: BoundedMap<V>, ids: readonly string[], fetch: (ids: string[]) => Promise<(V | null)[]>) {
    const now = this.now();
    const found = ids.map((id) => map.get(id, now) ?? null);
    const missing = ids.filter((_, i) => found[i] === null);
    if (!missing.length) return found;
    const generation = this.generation;
    const fetched = await fetch(missing);
    const byId = new Map(missing.map((id, i) => [id, fetched[i] ?? null]));
    if (generation === this.generation) {
      const at = this.now();
      for (const [id, value] of byId) if (value !== null) map.set(id, value, at);
    }
    return ids.map((id, i) => found[i] ?? byId.get(id) ?? null);
  }
}
