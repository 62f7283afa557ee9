import type { ApolloServer } from '@apollo/server';
import { ErrorCode, type Identity, type Logger } from '@ioc-graph/platform';
import type { GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { GatewayContext } from '../context';
import { ENTITY_KEY, type EntitySelection } from './entityQuery';

/** An event's entity as one subscriber group reads it, by alias; null when the graph says the group may not read it. */
export type EntityRead = Record<string, unknown> | null;

/** Answers of the graph that mean the reader may not read the entity (as opposed to a failed read). */
const NOT_READABLE = new Set<unknown>([ErrorCode.FORBIDDEN, ErrorCode.NOT_FOUND]);

/** A read that did not complete: a subgraph down, a timeout, an unexpected error. It is never cached. */
export class FailedRead extends Error {}

export interface EntityReaderOptions {
  apollo: ApolloServer<GatewayContext>;
  logger: Logger;
  /** Batched reads in flight at once, over every group: the subgraphs see a bounded load whatever the fan-out. */
  maxInFlight?: number;
  /** Events per read (at most the `ids` a list filter takes: 100). */
  maxBatch?: number;
  /** Reads kept per group: subscribers replaying recent events share them. */
  cachePerGroup?: number;
  /** Groups kept; the least recently used is forgotten first. */
  maxGroups?: number;
  /** Called after each batched read with the number of events it read and whether it completed. */
  onRead?: (count: number, ok: boolean) => void;
}

/**
 * Who reads an entity for a group of subscribers: their rights, without their person. Subscribers with
 * the same roles, agency, field unit and scope see the same data, so one read serves them all. The
 * subject names no account (no token can carry it): a rule that grants a person their own data
 * (`subject` equality) does not apply to a group, which only ever sees less.
 */
export function rightsOf(identity: Identity): { key: string; identity: Identity } {
  const roles = [...identity.roles].sort();
  const rights: Identity = {
    subject: SUBSCRIBERS,
    roles,
    agencyId: identity.agencyId,
    fieldUnitId: identity.fieldUnitId,
    scopeUnitId: identity.scopeUnitId,
    client: null,
  };
  const key =
    identity.subject === null ? 'public' : [roles.join(','), identity.agencyId, identity.fieldUnitId, identity.scopeUnitId].join('|');
  return { key, identity: identity.subject === null ? identity : rights };
}
const SUBSCRIBERS = '\u0000subscribers';

interface Pending {
  seq: number;
  id: string;
  resolve: (read: EntityRead) => void;
  reject: (error: unknown) => void;
}

/** One selection read with one set of rights: its recent reads, those in flight, and those waiting for the next batch. */
class ReadGroup {
  readonly done = new Map<number, EntityRead>();
  readonly inFlight = new Map<number, Promise<EntityRead>>();
  queue: Pending[] = [];

  constructor(
    readonly selection: EntitySelection,
    readonly identity: Identity,
  ) {}
}

/** Events per operation when read by id. */
const BY_ID = 16;

/**
 * Reads events' entities through the federated graph for subscriber groups. Reads asked within one turn
 * of the event loop are sent as one operation (up to `maxBatch` events, see {@link EntitySelection}),
 * at most `maxInFlight` at once; a completed read is kept for the other subscribers of the group, a
 * failed one is not: the next ask reads again.
 */
export class EntityReader {
  private readonly groups = new Map<string, ReadGroup>();
  private readonly waiting: ReadGroup[] = [];
  private scheduled = false;
  private active = 0;
  private readonly maxInFlight: number;
  private readonly maxBatch: number;
  private readonly cachePerGroup: number;
  private readonly maxGroups: number;

  constructor(private readonly options: EntityReaderOptions) {
    this.maxInFlight = options.maxInFlight ?? 8;
    this.maxBatch = options.maxBatch ?? 100;
    this.cachePerGroup = options.cachePerGroup ?? 2_000;
    this.maxGroups = options.maxGroups ?? 1_000;
  }

  /** The entity of event `seq` (key `id`) as `selection` reads it with `rights`; rejects with FailedRead when the read failed. */
  read(selection: EntitySelection, rights: { key: string; identity: Identity }, seq: number, id: string): Promise<EntityRead> {
    const group = this.groupOf(selection, rights);
    if (group.done.has(seq)) return Promise.resolve(group.done.get(seq)!);
    let read = group.inFlight.get(seq);
    if (!read) {
      read = new Promise<EntityRead>((resolve, reject) => group.queue.push({ seq, id, resolve, reject }));
      group.inFlight.set(seq, read);
      if (group.queue.length === 1) this.waiting.push(group);
      this.schedule();
    }
    return read;
  }

  private groupOf(selection: EntitySelection, rights: { key: string; identity: Identity }): ReadGroup {
    const key = `${rights.key}\n${selection.key}`;
    let group = this.groups.get(key);
    if (group) {
      // Most recently used last: the first is the one to forget.
      this.groups.delete(key);
    } else {
      group = new ReadGroup(selection, rights.identity);
      if (this.groups.size >= this.maxGroups) this.groups.delete(this.groups.keys().next().value!);
    }
    this.groups.set(key, group);
    return group;
  }

  /** Sends what waits at the end of the turn: the asks of one turn (every group woken by one append) make one batch per group. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  /**
   * Sends the groups' waiting reads, a batch per free slot, the groups in turn. While every slot is
   * taken, a group's asks wait and join its next batch: the busier the subgraphs, the larger the batches.
   */
  private pump(): void {
    while (this.active < this.maxInFlight && this.waiting.length) {
      const group = this.waiting.shift()!;
      const batch = group.queue.splice(0, this.maxBatch);
      if (group.queue.length) this.waiting.push(group);
      this.active++;
      void this.send(group, batch).finally(() => {
        this.active--;
        this.schedule();
      });
    }
  }

  private async send(group: ReadGroup, batch: Pending[]): Promise<void> {
    try {
      const outcomes = await this.execute(group, batch);
      const failures = outcomes.filter((outcome) => outcome instanceof FailedRead);
      if (failures.length)
        this.options.logger.warn({ errors: failures[0].message, events: failures.length }, 'could not read events’ entities; retrying');
      this.options.onRead?.(batch.length, !failures.length);
      batch.forEach((pending, k) => {
        const outcome = outcomes[k];
        group.inFlight.delete(pending.seq);
        if (outcome instanceof FailedRead) return pending.reject(outcome);
        group.done.set(pending.seq, outcome);
        if (group.done.size > this.cachePerGroup) group.done.delete(group.done.keys().next().value!);
        pending.resolve(outcome);
      });
    } catch (error) {
      this.options.logger.warn({ err: error }, 'could not read events’ entities; retrying');
      this.options.onRead?.(batch.length, false);
      const failed = new FailedRead(error instanceof Error ? error.message : String(error));
      for (const pending of batch) {
        group.inFlight.delete(pending.seq);
        pending.reject(failed);
      }
    }
  }

  /** The batch's entities from one list read; read by id when the graph refused part of the list. */
  private async execute(group: ReadGroup, batch: Pending[]): Promise<(EntityRead | FailedRead)[]> {
    const { selection } = group;
    const ids = [...new Set(batch.map((pending) => pending.id.toLowerCase()))];
    const { data, errors } = await this.run(group, selection.listQuery, { eventIds: ids, eventCount: ids.length });
    if (errors.length) {
      // A refusal inside a list nulls the whole list: read those events one by one, where it nulls one.
      if (errors.every((error) => NOT_READABLE.has(error.extensions?.code))) return this.executeById(group, batch);
      return batch.map(() => this.failed(errors));
    }
    const nodes = selection.aliases.map((alias) => {
      const edges = (data?.[alias] as { edges?: { node?: Record<string, unknown> | null }[] } | null)?.edges ?? [];
      return new Map(edges.flatMap(({ node }) => (node ? [[String(node[ENTITY_KEY]).toLowerCase(), node] as const] : [])));
    });
    return batch.map(({ id }) => {
      const entities = Object.fromEntries(selection.aliases.map((alias, a) => [alias, nodes[a].get(id.toLowerCase()) ?? null]));
      // Not in the list: there is none (anymore), or not for this reader.
      return Object.values(entities).some((value) => value === null) ? null : entities;
    });
  }

  /** The batch read by id, BY_ID events per operation: an entity refused nulls only itself. */
  private async executeById(group: ReadGroup, batch: Pending[]): Promise<(EntityRead | FailedRead)[]> {
    const outcomes: (EntityRead | FailedRead)[] = [];
    for (let start = 0; start < batch.length; start += BY_ID) {
      const chunk = batch.slice(start, start + BY_ID);
      const ids = Object.fromEntries(chunk.map((pending, k) => [`i${k}`, pending.id]));
      const { data, errors } = await this.run(group, group.selection.byIdQuery(chunk.length), ids);
      const ofEvent = new Map<number, GraphQLFormattedError[]>();
      let general: GraphQLFormattedError[] = [];
      for (const error of errors) {
        const match = /^e(\d+)_/.exec(String(error.path?.[0] ?? ''));
        if (!match) general = [...general, error];
        else ofEvent.set(Number(match[1]), [...(ofEvent.get(Number(match[1])) ?? []), error]);
      }
      chunk.forEach((_pending, k) => {
        const own = ofEvent.get(k);
        // An error of no event (the whole operation failed) fails them all.
        if (general.length) return void outcomes.push(this.failed(general));
        if (own?.length)
          return void outcomes.push(own.every((error) => NOT_READABLE.has(error.extensions?.code)) ? null : this.failed(own));
        const entities = Object.fromEntries(group.selection.aliases.map((alias) => [alias, data?.[`e${k}_${alias}`] ?? null]));
        outcomes.push(Object.values(entities).some((value) => value === null) ? null : entities);
      });
    }
    return outcomes;
  }

  private async run(group: ReadGroup, query: string, variables: Record<string, unknown>) {
    const requestId = randomUUID();
    const response = await this.options.apollo.executeOperation(
      { query, variables: { ...group.selection.variables, ...variables } },
      { contextValue: { identity: group.identity, requestId, logger: this.options.logger.child({ requestId }), eventRead: true } },
    );
    if (response.body.kind !== 'single') throw new Error('the entity query answered with more than one result');
    const { data, errors = [] } = response.body.singleResult;
    return { data: data as Record<string, unknown> | null | undefined, errors };
  }

  private failed(errors: readonly GraphQLFormattedError[]): FailedRead {
    return new FailedRead(errors.map((error) => `${String(error.extensions?.code)}: ${error.message}`).join('; '));
  }
}
