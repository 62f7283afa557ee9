import type { Clock, Logger, Orm } from '@ioc-graph/platform';
import { connectAsync, type MqttClient } from 'mqtt';
import { ingestLightingReports, type LightingReportCandidate } from '../lighting/ingest';

/**
 * A message from a cabinet's lighting controller: `{ "source": "...", "reports": [{ circuitCode, state,
 * failedLamps, reportedAt, sourceId }] }` (or one report without the wrapper), on
 * `<URBAN_MQTT_TOPIC>/<cabinet code>`.
 */
interface Message {
  source?: string;
  reports?: LightingReportCandidate[];
}

/**
 * Feeds the lighting controllers' reports published on the MQTT broker into the same ingest as the
 * GraphQL mutation: validated as a batch, idempotent by (source, sourceId), rolled up, rules judged.
 * Messages are handled one at a time, in arrival order; a bad message is logged and dropped (the broker
 * has no way to answer it). The same shape as the environment subgraph's station ingest.
 */
export class MqttIngest {
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    private readonly client: MqttClient,
    private readonly orm: Orm,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  static async start(url: string, topic: string, orm: Orm, clock: Clock, logger: Logger): Promise<MqttIngest> {
    const client = await connectAsync(url, { clientId: `ioc-urban-${process.pid}-${Date.now()}`, reconnectPeriod: 2000 });
    const ingest = new MqttIngest(client, orm, clock, logger);
    client.on('message', (_topic, payload) => {
      ingest.queue = ingest.queue.then(() => ingest.handle(payload));
    });
    client.on('error', (error) => logger.warn({ err: error }, 'MQTT connection problem'));
    await client.subscribeAsync(`${topic}/#`, { qos: 1 });
    logger.info({ url, topic }, 'ingesting lighting controllers’ reports from MQTT');
    return ingest;
  }

  private async handle(payload: Buffer): Promise<void> {
    try {
      const message = JSON.parse(payload.toString('utf8')) as Message;
      const reports = Array.isArray(message.reports) ? message.reports : [message as unknown as LightingReportCandidate];
      const outcome = await ingestLightingReports(this.orm.em.fork(), this.clock, message.source ?? 'mqtt', reports);
      this.logger.debug(outcome, 'MQTT lighting reports ingested');
    } catch (error) {
      this.logger.warn({ err: error }, 'an MQTT message was refused');
    }
  }

  /** Waits for the messages already received to be handled (tests, orderly stop). */
  drained(): Promise<void> {
    return this.queue;
  }

  async stop(): Promise<void> {
    await this.client.endAsync();
    await this.queue;
  }
}
