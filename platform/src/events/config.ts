import type { EnvReader } from '../config';
import type { Logger } from '../logging';
import type { EventBus } from './bus';
import { createNatsBus } from './natsBus';
import { createPostgresBus } from './postgresBus';

/** Which bus carries events between subgraphs and gateways, read once at start. */
export function readEventBusConfig(env: EnvReader) {
  return {
    /** `postgres` (the default: the event log in the database) or `nats` (JetStream, for several gateways on several machines). */
    kind: env.oneOf('EVENT_BUS', ['postgres', 'nats'] as const, 'postgres'),
    /** The PostgreSQL of the event log; the service's own database when unset. */
    url: env.optional('EVENT_BUS_URL'),
    natsServers: env.string('NATS_URL', 'nats://127.0.0.1:4222'),
    natsStream: env.string('NATS_STREAM', 'IOC_EVENTS'),
    natsSubjectPrefix: env.string('NATS_SUBJECT_PREFIX', 'ioc.events'),
  };
}
export type EventBusConfig = ReturnType<typeof readEventBusConfig>;

/** Connects the configured bus; `databaseUrl` is the service's database, the default home of the event log. */
export async function createEventBus(config: EventBusConfig, databaseUrl: string, logger?: Logger): Promise<EventBus> {
  if (config.kind === 'nats') {
    return createNatsBus({ servers: config.natsServers, stream: config.natsStream, subjectPrefix: config.natsSubjectPrefix, logger });
  }
  return createPostgresBus({ url: config.url ?? databaseUrl, logger });
}
