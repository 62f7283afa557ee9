import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Role } from '@ioc-graph/platform';
import { parse } from 'graphql';
import { randomBytes } from 'node:crypto';
import { WatchAlertsDocument } from '../../__generated__/graphql';
import { cameraAlert, reportCameraAlert } from '../../test/support/alerts';
import { eventually } from '../../test/support/eventually';
import { startHub, type Hub } from '../../test/support/hub';
import { person } from '../../test/support/identities';
import { Subscriber } from '../../test/support/subscriber';

type AlertData = { alertReceived: { cursor: string; type: string; alert?: { headline?: string; id?: string } | null } };

/**
 * The fan-out: subscribers with the same selection and rights share one stream and one read of each
 * event's entity, batched across events; what the event itself knows needs no read at all.
 */
describe('subscription fan-out', () => {
  let hub: Hub;
  const tag = randomBytes(3).toString('hex');
  let sent = 0;

  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(() => hub?.stop());

  /** Reports `count` alerts whose headline carries `label`; resolves to their ids once all are in the gateway's log. */
  const burst = async (count: number, label: string) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const response = await reportCameraAlert(hub, cameraAlert(`fanout-${tag}-${++sent}`, `Ùn tắc ${label} #${i}`));
      expect(response.errors).toBeUndefined();
      ids.push(response.data!.reportAlert.id);
    }
    const wanted = new Set(ids);
    await eventually(async () => {
      let found = 0;
      for (let position = 0; ;) {
        const events = await hub.gateway.subscriptions.log.read(position, 1_000);
        if (!events.length) return found === count;
        found += events.filter((event) => event.type === 'alert.received' && wanted.has(event.entityKey)).length;
        position = events.at(-1)!.seq;
      }
    });
    return ids;
  };
  const metric = async (name: string) => {
    const metrics = await (await fetch(new URL('/metrics', hub.gatewayUrl))).text();
    return Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\d+)`, 'm').exec(metrics)?.[1] ?? 0);
  };
  const received = (subscriber: Subscriber<AlertData>, label: string) =>
    subscriber.data.filter((d) => d.alertReceived.alert?.headline?.includes(label)).map((d) => d.alertReceived.cursor);
  /** Operators of the center, each signed in as themselves: one role, one group of rights. */
  const operators = (count: number) =>
    Promise.all(Array.from({ length: count }, (_, i) => hub.tokenFor(person(`operator-${tag}-${i}`, Role.OPERATOR))));

  it('reads each event’s entity once, batched, for thirty operators replaying the same burst', async () => {
    const label = `phát lại ${tag}`;
    const after = String(hub.gateway.subscriptions.log.head);
    await burst(40, label);
    hub.resetStatements();
    const readBefore = await metric('subscription_entities_read_total');
    const subscribers = (await operators(30)).map((token) => new Subscriber(hub.gatewayUrl, WatchAlertsDocument, { after }, token));
    try {
      for (const subscriber of subscribers) await subscriber.until((s) => received(s, label).length >= 40);
      const first = received(subscribers[0], label);
      for (const subscriber of subscribers) expect(received(subscriber, label)).toEqual(first);
      // 1,200 deliveries from 40 entity reads, sent in a few batched operations: a handful of statements per subgraph.
      expect((await metric('subscription_entities_read_total')) - readBefore).toBe(40);
      expect(hub.statementsOf.incidents.length).toBeLessThanOrEqual(6);
      expect(hub.statementsOf.directory.length).toBeLessThanOrEqual(6);
    } finally {
      await Promise.all(subscribers.map((s) => s.stop()));
    }
  });

  it('serves live subscribers with the same selection and rights from one stream', async () => {
    const label = `trực tiếp ${tag}`;
    const fanout = hub.gateway.subscriptions.current().fanout;
    const subscribers = (await operators(30)).map((token) => new Subscriber(hub.gatewayUrl, WatchAlertsDocument, {}, token));
    try {
      await eventually(async () => (await metric('graphql_subscribers')) === 30, { what: '30 subscribers counted' });
      await eventually(() => fanout.sharedStreams === 1, { what: 'one shared stream' });
      const readBefore = await metric('subscription_entities_read_total');
      await burst(10, label);
      for (const subscriber of subscribers) await subscriber.until((s) => received(s, label).length >= 10);
      expect(fanout.sharedStreams).toBe(1);
      expect((await metric('subscription_entities_read_total')) - readBefore).toBe(10);
    } finally {
      await Promise.all(subscribers.map((s) => s.stop()));
    }
    await eventually(() => fanout.sharedStreams === 0, { what: 'the stream gone with its subscribers' });
  });

  it('answers a selection of the entity’s id from the event, without reading the graph', async () => {
    const keys = parse('subscription { alertReceived { cursor type alert { id } } }') as TypedDocumentNode<AlertData>;
    const subscriber = new Subscriber(hub.gatewayUrl, keys, {}, hub.tokens.OPERATOR);
    try {
      await eventually(async () => (await metric('graphql_subscribers')) === 1, { what: 'the subscriber counted' });
      const readBefore = await metric('subscription_entities_read_total');
      const ids = await burst(5, `khóa ${tag}`);
      await subscriber.until((s) => ids.every((id) => s.data.some((d) => d.alertReceived.alert?.id === id)));
      expect((await metric('subscription_entities_read_total')) - readBefore).toBe(0);
    } finally {
      await subscriber.stop();
    }
  });
});
