import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createLogger } from '@ioc-graph/platform';
import { parse, type ExecutionResult } from 'graphql';
import { WatchAlertsDocument } from '../../__generated__/graphql';
import { eventually } from '../../test/support/eventually';
import { faultyProxy } from '../../test/support/faultyProxy';
import { startHub, type Hub } from '../../test/support/hub';
import { cameraAlert, reportCameraAlert } from '../../test/support/alerts';
import { Subscriber } from '../../test/support/subscriber';

/** Fault behaviour of subscriptions: a subgraph down never costs an event, and clients that go are let go. */
describe('subscriptions under faults', () => {
  let hub: Hub;
  let proxy: Awaited<ReturnType<typeof faultyProxy>>;
  let seq = 0;
  const report = (headline: string) => reportCameraAlert(hub, cameraAlert(`fault-${++seq}`, headline));
  /** A gateway on the hub's subgraphs and bus whose way to the incidents subgraph goes through the proxy. */
  const gatewayBehindProxy = (env: Record<string, string> = {}) => hub.startGateway(env, { incidents: proxy.url });
  const burst = async (count: number, label: string) => {
    const headlines = Array.from({ length: count }, (_, i) => `${label} ${i}`);
    for (const headline of headlines) expect((await report(headline)).errors).toBeUndefined();
    return headlines;
  };

  beforeAll(async () => {
    hub = await startHub();
    proxy = await faultyProxy(hub.incidentsUrl);
  });
  afterAll(async () => {
    await proxy?.close();
    await hub?.stop();
  });

  it('holds a subscriber’s stream while the incidents subgraph is unreachable, then delivers every event in order', async () => {
    const gateway = await gatewayBehindProxy();
    const after = String(gateway.server.subscriptions.log.head);
    const live = new Subscriber(gateway.url, WatchAlertsDocument, { after }, hub.tokens.OPERATOR);
    try {
      proxy.down();
      const headlines = await burst(12, 'Ùn tắc khi mất kết nối');
      await eventually(() => gateway.server.subscriptions.log.head >= Number(after) + 12);
      // Retries go on meanwhile: nothing is delivered, nothing is skipped.
      expect(live.results).toHaveLength(0);
      proxy.up();
      await live.until((s) => s.data.length >= 12);
      expect(live.error).toBeNull();
      expect(live.data.map((d) => d.alertReceived.alert?.headline)).toEqual(headlines);
      // A replay of the same selection from the start of the burst returns them all as well.
      const replay = new Subscriber(gateway.url, WatchAlertsDocument, { after }, hub.tokens.OPERATOR);
      try {
        await replay.until((s) => s.data.length >= 12);
        expect(replay.data.map((d) => d.alertReceived.alert?.headline)).toEqual(headlines);
      } finally {
        await replay.stop();
      }
    } finally {
      proxy.up();
      await live.stop();
    }
  });

  it('ends a subscriber past the delivery timeout with UNAVAILABLE and the cursor to resume from', async () => {
    const gateway = await gatewayBehindProxy({ SUBSCRIPTION_DELIVERY_TIMEOUT_MS: '1000', SUBGRAPH_BREAKER_RESET_MS: '200' });
    const context = { identity: hub.identities.OPERATOR, requestId: 'fault-subscriber', logger: createLogger('test', 'silent') };
    const stream = (await gateway.server.subscriptions.current().subscribe({
      schema: gateway.server.subscriptions.schema(),
      document: parse('subscription { alertReceived { cursor alert { headline } } }'),
      contextValue: context,
    })) as AsyncIterableIterator<ExecutionResult<{ alertReceived: { cursor: string; alert: { headline: string } } }>>;
    try {
      const firstPull = stream.next();
      await burst(1, 'Trước sự cố');
      const cursor = (await firstPull).value!.data!.alertReceived.cursor;

      proxy.down();
      const headlines = await burst(3, 'Trong sự cố');
      await expect(stream.next()).rejects.toMatchObject({ extensions: { code: 'UNAVAILABLE', cursor } });
      proxy.up();
      const resumed = new Subscriber(gateway.url, WatchAlertsDocument, { after: cursor }, hub.tokens.OPERATOR);
      try {
        await resumed.until((s) => s.data.length >= 3);
        expect(resumed.data.map((d) => d.alertReceived.alert?.headline)).toEqual(headlines);
      } finally {
        await resumed.stop();
      }
    } finally {
      proxy.up();
      await stream.return?.(undefined);
    }
  });

  it('lets go of subscribers whose client disconnected, whatever their filter', async () => {
    const { url } = await gatewayBehindProxy();
    const gauge = async () => {
      const metrics = await (await fetch(new URL('/metrics', url))).text();
      return Number(/^graphql_subscribers(?:\{[^}]*\})? (\d+)/m.exec(metrics)?.[1] ?? NaN);
    };
    const narrow = parse('subscription { alertReceived(filter: { types: ["never.happens"] }) { cursor } }') as TypedDocumentNode<{
      alertReceived: { cursor: string };
    }>;
    const subscribers = Array.from({ length: 500 }, () => new Subscriber(url, narrow, {}, hub.tokens.OPERATOR));
    try {
      await eventually(async () => (await gauge()) === 500, { timeout: 120_000, what: '500 subscribers counted' });
    } finally {
      await Promise.all(subscribers.map((s) => s.stop()));
    }
    await eventually(async () => (await gauge()) === 0, { timeout: 1_000, what: 'the subscriber gauge back to 0' });
  });
});
