/**
 * The message brokers (and the Redis) some suites need besides PostgreSQL. `test/globalSetup.ts` checks once which of
 * them answer and passes the verdict to the suites in IOC_TEST_SERVICES; under CI=true a missing one has
 * already failed the run there.
 */
export type Service = 'nats' | 'mqtt' | 'redis';

/** Where each service is expected; TEST_NATS_URL, TEST_MQTT_URL and TEST_REDIS_URL move them. */
export const SERVICE_URLS: Record<Service, string> = {
  nats: process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222',
  mqtt: process.env.TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883',
  redis: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
};

const LABELS: Record<Service, string> = { nats: 'NATS', mqtt: 'MQTT (Mosquitto)', redis: 'Redis' };

/** Why `service` cannot be used, or null when it answered the setup's check. */
export function missing(service: Service): string | null {
  const verdicts = JSON.parse(process.env.IOC_TEST_SERVICES ?? '{}') as Partial<Record<Service, string | null>>;
  const why = service in verdicts ? verdicts[service]! : 'not checked (run through jest, whose globalSetup checks it)';
  return why === null ? null : `${LABELS[service]} at ${SERVICE_URLS[service]}: ${why}`;
}

/**
 * Call first in a `describe` body: true when `service` answers. When it does not, registers one skipped
 * test whose name says why (the run's last lines list them), and returns false (the caller returns, declaring nothing
 * else); under CI=true it throws instead, failing the suite.
 */
export function needs(service: Service): boolean {
  const why = missing(service);
  if (why === null) return true;
  if (process.env.CI === 'true') throw new Error(`CI=true and ${why}`);
  it.skip(`needs ${why}`, () => undefined);
  return false;
}
