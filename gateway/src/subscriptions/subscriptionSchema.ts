import type { ApolloServer } from '@apollo/server';
import { ErrorCode, type BusEvent, type Logger } from '@ioc-graph/platform';
import {
  createSourceEventStream,
  execute,
  extendSchema,
  GraphQLError,
  parse,
  print,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import type { GatewayContext } from '../context';
import { inAudience, requireSubscriber, type SubscriptionField } from './access';
import { buildEntitySelection, keyOnlyAliases } from './entityQuery';
import { EntityReader, rightsOf } from './entityReader';
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
import { Fanout, type Delivery, type StreamSpec } from './fanout';
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
  /** Batched entity reads in flight at once (SUBSCRIPTION_READS_IN_FLIGHT). */
  readsInFlight?: number;
  /** `event` delivered to `count` subscribers at once (metrics). */
  onDelivered?: (event: BusEvent, count: number) => void;
  onSubscriber?: (delta: 1 | -1) => void;
  onRead?: (count: number, ok: boolean) => void;
}

/** The client-facing schema with its subscriptions, and how a subscription operation is started on it. */
export interface Subscriptions {
  schema: GraphQLSchema;
  /** Starts a subscription operation: its results, or the errors that refused it (graphql-ws's `subscribe`). */
  subscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult>;
  fanout: Fanout;
}

const refuse = (code: ErrorCode, message: string) => new GraphQLError(message, { extensions: { code } });

/**
 * A subscription field's answer to graphql-js: what the subscriber asked for, turned into a stream spec
 * and a subscriber of the fan-out once the operation's arguments are known ({@link Subscriptions.subscribe}).
 */
class SubscriptionRequest {
  constructor(readonly start: (args: ExecutionArgs) => AsyncIterableIterator<ExecutionResult>) {}

  [Symbol.asyncIterator](): never {
    throw new Error('a subscription of the gateway is started by Subscriptions.subscribe');
  }
}

/**
 * Extends the API schema with the Subscription type and wires it to the event log through the fan-out:
 * subscribers with the same field, filter, selection and rights share one stream, which reads each
 * event's entity once through the federated graph with the group's rights (so the subgraphs' rules
 * apply to every event), batched across events, and executes the selection once per event.
 */
export function createSubscriptions(apiSchema: GraphQLSchema, options: SubscriptionOptions): Subscriptions {
  const schema = extendSchema(apiSchema, parse(subscriptionTypeDefs), { assumeValidSDL: true });
  const reader = new EntityReader({
    apollo: options.apollo,
    logger: options.logger,
    maxInFlight: options.readsInFlight,
    onRead: options.onRead,
  });
  const fanout = new Fanout({
    log: options.log,
    logger: options.logger,
    maxLag: options.maxLag,
    deliveryTimeoutMs: options.deliveryTimeoutMs ?? 30_000,
    onDelivered: options.onDelivered,
    onSubscriber: options.onSubscriber,
  });

  /** The request of one subscriber: its spec, keyed by everything that makes its results what they are. */
  const request = (
    context: GatewayContext,
    info: GraphQLResolveInfo,
    after: string | null | undefined,
    matches: (event: BusEvent) => boolean,
  ) => {
    if (after !== undefined && after !== null && !/^\d{1,15}$/.test(after))
      throw refuse(ErrorCode.BAD_USER_INPUT, 'after is not a cursor of this stream');
    const eventType = (info.returnType as { ofType?: GraphQLObjectType }).ofType?.name ?? String(info.returnType);
    const entity = EVENT_ENTITIES[eventType as keyof typeof EVENT_ENTITIES];
    const rights = rightsOf(context.identity);
    // An entity of which only the id is selected comes from the event; any other field is read.
    const keyOnly = keyOnlyAliases(info, entity.field);
    const selection = keyOnly ? null : buildEntitySelection(info, entity.field, entity.read);
    return new SubscriptionRequest((args) => {
      const document = print(args.document);
      const spec: StreamSpec = {
        key: [info.fieldName, args.operationName ?? '', document, JSON.stringify(args.variableValues ?? {}), rights.key].join('\n'),
        accept: (event) => matches(event) && inAudience(context.identity, event),
        entityId: (event) => entityId(event, entity.idFrom),
        entities: (event, id) =>
          selection ? reader.read(selection, rights, event.seq, id) : Object.fromEntries((keyOnly ?? []).map((alias) => [alias, { id }])),
        execute: (delivery) => execute({ ...args, rootValue: delivery, fieldResolver: responseKeyResolver }),
      };
      return fanout.subscribe(spec, after ? Number(after) : null, context.frames ?? null);
    });
  };

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
  field('alertReceived', (_root, args, context, info) => request(context, info, args.after, (event) => matchesAlert(event, args.filter)));
  field('incidentChanged', (_root, args, context, info) =>
    request(context, info, args.after, (event) => matchesIncident(event, args.filter)),
  );
  field('myAssignments', (_root, args, context, info) =>
    request(context, info, args.after, (event) => isMyAssignment(event, context.identity)),
  );
  field('assignmentChanged', (_root, args, context, info) =>
    request(context, info, args.after, (event) => matchesAssignment(event, args.filter)),
  );
  field('operationChanged', (_root, args, context, info) =>
    request(context, info, args.after, (event) => matchesOperation(event, args.filter)),
  );
  field('publicIncidentPublished', (_root, args, context, info) => request(context, info, args.after, isPublication));

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
  return {
    schema,
    fanout,
    async subscribe(args) {
      const stream = await createSourceEventStream({ ...args, schema, fieldResolver: responseKeyResolver });
      return stream instanceof SubscriptionRequest ? stream.start({ ...args, schema }) : (stream as ExecutionResult);
    },
  };
}

/** Below the events, results come from the federated graph keyed by response name (aliases kept). */
export const responseKeyResolver: GraphQLFieldResolver<Record<string, unknown> | null, unknown> = (source, _args, _context, info) =>
  source && typeof source === 'object' ? source[String(info.path.key)] : undefined;
