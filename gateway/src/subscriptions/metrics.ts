import type { BusEvent } from '@ioc-graph/platform';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Subscribers, events in and out, the entity reads made for them, and the lag from an event's storage on the bus to its delivery. */
export function createSubscriptionMetrics(registry: Registry) {
  const subscribers = new Gauge({ name: 'graphql_subscribers', help: 'Active subscriptions', registers: [registry] });
  const eventsIn = new Counter({ name: 'events_in_total', help: 'Events read from the bus', registers: [registry] });
  const eventsOut = new Counter({
    name: 'events_out_total',
    help: 'Events delivered to subscribers',
    labelNames: ['type'],
    registers: [registry],
  });
  const lag = new Histogram({
    name: 'event_delivery_lag_seconds',
    help: 'From an event’s storage on the bus to its delivery to subscribers (observed once per event and group of subscribers served together)',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const entityReads = new Counter({
    name: 'subscription_entity_reads_total',
    help: 'Batched reads of events’ entities through the federated graph, by outcome',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const entitiesRead = new Counter({
    name: 'subscription_entities_read_total',
    help: 'Events’ entities read for subscriber groups (each read once per group, whatever the group’s size)',
    registers: [registry],
  });
  return {
    subscribers,
    /** One batched read of `count` events' entities. */
    read(count: number, ok: boolean) {
      entityReads.inc({ outcome: ok ? 'ok' : 'failed' });
      if (ok) entitiesRead.inc(count);
    },
    eventsIn,
    /** `event` delivered to `count` subscribers at once. */
    delivered(event: BusEvent, count: number) {
      eventsOut.inc({ type: event.type }, count);
      lag.observe(Math.max(0, Date.now() - new Date(event.storedAt).getTime()) / 1000);
    },
  };
}
