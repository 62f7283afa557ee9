import type { ApolloServer } from '@apollo/server';
import { ErrorCode, type BusEvent, type Logger } from '@ioc-graph/platform';
import {
  extendSchema,
  GraphQLError,
  parse,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { randomUUID } from 'node:crypto';
import type { GatewayContext } from '../context';
import { inAudience, requireSubscriber, type SubscriptionField } from './access';
import { ABORTED, cancellable, TIMED_OUT, within } from './cancellation';
import { buildEntityQuery, type EntityQuery } from './entityQuery';
import type { EventLog } from './eventLog';
import {
  entityId,
  isMyAssignment,
  isPublication,
  matchesAlert,
  matchesAssignment,
  matchesIncident,
  matchesOperation,
  stepOf,
  unitStatusOf,
  type Filter,
} from './eventFilters';
import { EVENT_ENTITIES, subscriptionTypeDefs } from './typeDefs';

/** What the subscription machinery needs: the log, the federated executor, limits and metrics hooks. */
export interface SubscriptionOptions {
  log: EventLog;
  apollo: ApolloServer<GatewayContext>;
  logger: Logger;
  /** How far (in events) a live subscriber may fall behind before it is ended with SUBSCRIBER_OVERFLOW. */
  maxLag: number;
  /** How long (ms) an event's entity is retried when it cannot be read before the subscriber is ended with UNAVAILABLE. */
  deliveryTimeoutMs?: number;
  onDelivered?: (event: BusEvent) => void;
  onSubscriber?: (delta: 1 | -1) => void;
}

/** A delivered event: the shared bus event, and the entity data resolved for this subscriber. */
interface Delivery {
  event: BusEvent;
  entities: Record<string, unknown>;
}

const refuse = (code: ErrorCode, message: string) => new GraphQLError(message, { extensions: { code } });

/** Answers of the graph that mean the subscriber may not read the entity (as opposed to a failed read). */
const NOT_READABLE = new Set<unknown>([ErrorCode.FORBIDDEN, ErrorCode.NOT_FOUND]);
const FIRST_RETRY_MS = 100;
const LAST_RETRY_MS = 2_000;

/**
 * Extends the API schema with the Subscription type and wires it to the event log: each subscriber
 * reads the log from its cursor, keeps the events its filter and audience allow, and has the entity
 * it selected read through the federated graph with its own identity (so the subgraphs' rules apply
 * to every event). Subscribers with the same selection and identity share one read per event.
 */
export function createSubscriptionSchema(apiSchema: GraphQLSchema, options: SubscriptionOptions): GraphQLSchema {
  const schema = extendSchema(apiSchema, parse(subscriptionTypeDefs), { assumeValidSDL: true });
  const reads = new Map<string, Promise<Record<string, unknown> | null>>();

  /**
   * Reads an event's entity for one subscriber: null when the graph answered that it may not read it;
   * rejects when the read failed (a subgraph down, a reset), and a failed read is not kept.
   */
  const readEntity = (
    event: BusEvent,
    entity: EntityQuery,
    id: string,
    context: GatewayContext,
  ): Promise<Record<string, unknown> | null> => {
    const { client: _client, ...who } = context.identity;
    const key = `${event.seq}\n${entity.query}\n${JSON.stringify(entity.variables)}\n${JSON.stringify(who)}`;
    let read = reads.get(key);
    if (!read) {
      const requestId = randomUUID();
      read = options.apollo
        .executeOperation(
          { query: entity.query, variables: { ...entity.variables, __id: id } },
          { contextValue: { ...context, requestId, logger: options.logger.child({ requestId }) } },
        )
        .then((response) => {
          if (response.body.kind !== 'single') throw new Error('the entity query answered with more than one result');
          const { data, errors } = response.body.singleResult;
          if (errors?.length) {
            if (errors.every((error) => NOT_READABLE.has(error.extensions?.code))) return null;
            throw new Error(errors.map((error) => `${String(error.extensions?.code)}: ${error.message}`).join('; '));
          }
          if (!data || Object.values(data).some((value) => value === null)) return null;
          return data as Record<string, unknown>;
        });
      const settled = read;
      settled.catch((error: unknown) => {
        if (reads.get(key) === settled) reads.delete(key);
        options.logger.warn({ err: error, event: event.id }, 'could not read an event’s entity; retrying');
      });
      reads.set(key, read);
      // Keep recent reads only: subscribers of one event ask within moments of each other.
      if (reads.size > 10_000) reads.delete(reads.keys().next().value!);
    }
    return read;
  };

  const deliveryTimeoutMs = options.deliveryTimeoutMs ?? 30_000;

  /**
   * An event's entity for one subscriber, retried with backoff while it cannot be read: null when the
   * graph says it may not read it, ABORTED when the client went away; past the delivery timeout the
   * subscriber is ended with UNAVAILABLE and the cursor of the last event it received.
   */
  async function entityOf(
    event: BusEvent,
    query: EntityQuery,
    id: string,
    context: GatewayContext,
    delivered: number,
    signal: AbortSignal,
  ) {
    const deadline = Date.now() + deliveryTimeoutMs;
    for (let pause = FIRST_RETRY_MS; ; pause = Math.min(pause * 2, LAST_RETRY_MS)) {
      try {
        const read = await within(readEntity(event, query, id, context), signal, deadline - Date.now());
        if (read !== TIMED_OUT) return read;
      } catch {
        // Logged where the read failed; it is tried again after the pause.
      }
      if (Date.now() + pause >= deadline) break;
      if ((await within(new Promise<never>(() => undefined), signal, pause)) === ABORTED) return ABORTED;
    }
    throw new GraphQLError(`Event ${event.seq} could not be delivered for ${deliveryTimeoutMs} ms; resume after cursor ${delivered}`, {
      extensions: { code: ErrorCode.UNAVAILABLE, cursor: String(delivered) },
    });
  }

  async function* deliveryLoop(
    context: GatewayContext,
    info: GraphQLResolveInfo,
    after: string | null | undefined,
    accept: (event: BusEvent) => boolean,
    signal: AbortSignal,
  ): AsyncGenerator<Delivery> {
    const eventType = (info.returnType as { ofType?: GraphQLObjectType }).ofType?.name ?? String(info.returnType);
    const entity = EVENT_ENTITIES[eventType as keyof typeof EVENT_ENTITIES];
    const query = buildEntityQuery(info, entity.field, entity.query);
    if (after !== undefined && after !== null && !/^\d{1,15}$/.test(after))
      throw refuse(ErrorCode.BAD_USER_INPUT, 'after is not a cursor of this stream');
    let position = after ? Number(after) : options.log.head;
    let live = position >= options.log.head;
    let delivered = position;
    options.onSubscriber?.(1);
    try {
      while (!options.log.isClosed && !signal.aborted) {
        const batch = await options.log.read(position, 500);
        if (!batch.length) {
          live = true;
          await options.log.wait(signal);
          continue;
        }
        for (const event of batch) {
          if (live && options.log.head - event.seq > options.maxLag) {
            throw new GraphQLError(`The subscriber fell more than ${options.maxLag} events behind; resume after cursor ${delivered}`, {
              extensions: { code: ErrorCode.SUBSCRIBER_OVERFLOW, cursor: String(delivered) },
            });
          }
          position = event.seq;
          if (!accept(event) || !inAudience(context.identity, event)) continue;
          const id = entityId(event, entity.idFrom);
          if (id === null) continue;
          const entities = query ? await entityOf(event, query, id, context, delivered, signal) : {};
          if (entities === ABORTED) return;
          // Skipped only when the graph answered that this subscriber may not read the entity.
          if (!entities) continue;
          delivered = event.seq;
          options.onDelivered?.(event);
          yield { event, entities };
        }
      }
    } finally {
      options.onSubscriber?.(-1);
    }
  }

  /** A subscriber's stream; it ends at once when its client goes, whatever it is waiting for. */
  const deliveries = (
    context: GatewayContext,
    info: GraphQLResolveInfo,
    after: string | null | undefined,
    accept: (event: BusEvent) => boolean,
  ) => cancellable((signal) => deliveryLoop(context, info, after, accept, signal));

  const subscriptionType = schema.getSubscriptionType()!;
  const fields = subscriptionType.getFields();
  type Args = { filter?: Filter; after?: string | null };
  // Every field is gated at subscribe time by SUBSCRIPTION_ACCESS, before any event is read.
  const field = (name: SubscriptionField, subscribe: GraphQLFieldResolver<unknown, GatewayContext, Args>) => {
    fields[name].subscribe = (root, args, context: GatewayContext, info) => {
      requireSubscriber(name, context.identity);
      return subscribe(root, args, context, info);
    };
    fields[name].resolve = (delivery: Delivery) => delivery;
  };
  field('alertReceived', (_root, args, context, info) =>
    deliveries(context, info, args.after, (event) => matchesAlert(event, args.filter)),
  );
  field('incidentChanged', (_root, args, context, info) =>
    deliveries(context, info, args.after, (event) => matchesIncident(event, args.filter)),
  );
  field('myAssignments', (_root, args, context, info) =>
    deliveries(context, info, args.after, (event) => isMyAssignment(event, context.identity)),
  );
  field('assignmentChanged', (_root, args, context, info) =>
    deliveries(context, info, args.after, (event) => matchesAssignment(event, args.filter)),
  );
  field('operationChanged', (_root, args, context, info) =>
    deliveries(context, info, args.after, (event) => matchesOperation(event, args.filter)),
  );
  field('publicIncidentPublished', (_root, args, context, info) => deliveries(context, info, args.after, isPublication));

  // The events' own fields; their entity comes from the read made for this subscriber, under its alias.
  const entityResolver: GraphQLFieldResolver<Delivery, GatewayContext> = (delivery, _args, _context, info) =>
    delivery.entities[String(info.path.key)] ?? null;
  for (const [typeName, { field: entityField }] of Object.entries(EVENT_ENTITIES)) {
    const eventFields = (schema.getType(typeName) as GraphQLObjectType).getFields();
    eventFields.cursor.resolve = (d: Delivery) => String(d.event.seq);
    eventFields.occurredAt.resolve = (d: Delivery) => new Date(d.event.occurredAt).toISOString();
    if (eventFields.type) eventFields.type.resolve = (d: Delivery) => d.event.type;
    if (eventFields.actor) eventFields.actor.resolve = (d: Delivery) => d.event.actor;
    if (eventFields.action) eventFields.action.resolve = (d: Delivery) => stepOf(d.event)?.action ?? d.event.type;
    if (eventFields.fromState) eventFields.fromState.resolve = (d: Delivery) => stepOf(d.event)?.fromState ?? null;
    if (eventFields.toState) eventFields.toState.resolve = (d: Delivery) => stepOf(d.event)?.toState ?? null;
    if (eventFields.unitStatus) eventFields.unitStatus.resolve = (d: Delivery) => unitStatusOf(d.event);
    eventFields[entityField].resolve = entityResolver;
  }
  return schema;
}

/** Below the events, results come from the federated graph keyed by response name (aliases kept). */
export const responseKeyResolver: GraphQLFieldResolver<Record<string, unknown> | null, unknown> = (source, _args, _context, info) =>
  source && typeof source === 'object' ? source[String(info.path.key)] : undefined;
