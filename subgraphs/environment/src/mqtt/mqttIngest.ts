import type { Clock, Logger } from '@ioc-graph/platform';
import type { Orm } from '@ioc-graph/platform';
import { connectAsync, type MqttClient } from 'mqtt';
import { ingestReadings, type ReadingCandidate } from '../reading/ingest';

/**
 * A message from a station's device: `{ "source": "...", "readings": [{ stationCode, metric, value,
 * measuredAt, sourceId }] }` (or one reading without the wrapper), on `<MQTT_TOPIC>/<station code>`.
 */
interface Message {
  source?: string;
  readings?: ReadingCandidate[];
}

/**
 * Feeds readings published on the MQTT broker into the same ingest as the GraphQL mutation: validated
 * as a batch, idempotent by (source, sourceId), rolled up, rules evaluated. Messages are handled one at
 * a time, in arrival order; a bad message is logged and dropped (the broker has no way to answer it).
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
    const client = await connectAsync(url, { clientId: `ioc-environment-${process.pid}-${Date.now()}`, reconnectPeriod: 2000 });
    const ingest = new MqttIngest(client, orm, clock, logger);
    client.on('message', (_topic, payload) => {
      ingest.queue = ingest.queue.then(() => ingest.handle(payload));
    });
    client.on('error', (error) => logger.warn({ err: error }, 'MQTT connection problem'));
    await client.subscribeAsync(`${topic}/#`, { qos: 1 });
    logger.info({ url, topic }, 'ingesting readings from MQTT');
    return ingest;
  }

  private async handle(payload: Buffer): Promise<void> {
    try {
      const message = JSON.parse(payload.toString('utf8')) as Message;
      // measuredAt stays the RFC 3339 text it was sent as: the ingest checks it like a bulk body's.
      const readings = Array.isArray(message.readings) ? message.readings : [message as unknown as ReadingCandidate];
      const outcome = await ingestReadings(this.orm.em.fork(), this.clock, message.source ?? 'mqtt', readings);
      this.logger.debug(outcome, 'MQTT readings ingested');
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
