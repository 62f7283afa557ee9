import { createLogger } from '@ioc-graph/platform';
import { parse, type ExecutionResult } from 'graphql';
import WebSocket from 'ws';
import { WatchAlertsDocument } from '../../__generated__/graphql';
import { eventually } from '../../test/support/eventually';
import { startHub, type Hub } from '../../test/support/hub';
import { cameraAlert, reportCameraAlert } from '../../test/support/alerts';
import { Subscriber } from '../../test/support/subscriber';

/** Load behaviour: a slow subscriber is cut loose with its cursor, and never holds up the others. */
describe('slow and idle subscribers', () => {
  let hub: Hub;
  let seq = 0;
  const report = (headline: string) => reportCameraAlert(hub, cameraAlert(`slow-${++seq}`, headline));

  beforeAll(async () => {
    // A socket that misses one pong is dropped: a heartbeat of 2 s leaves a busy machine time to answer.
    hub = await startHub({ SUBSCRIBER_MAX_LAG: '20', WS_HEARTBEAT_MS: '2000' });
  });
  afterAll(() => hub.stop());

  it('ends a subscriber that falls behind with SUBSCRIBER_OVERFLOW and its cursor, while others get every event', async () => {
    const after = String(hub.gateway.subscriptions.log.head);
    const context = { identity: hub.identities.OPERATOR, requestId: 'slow-subscriber', logger: createLogger('test', 'silent') };
    // The slow subscriber, on the gateway's own subscription schema: it pulls only when it wants to.
    const slow = (await hub.gateway.subscriptions.current().subscribe({
      schema: hub.gateway.subscriptions.schema(),
      document: parse('subscription { alertReceived { cursor alert { headline } } }'),
      contextValue: context,
    })) as AsyncIterableIterator<ExecutionResult<{ alertReceived: { cursor: string } }>>;
    const fast = new Subscriber(hub.gatewayUrl, WatchAlertsDocument, { after }, hub.tokens.OPERATOR);
    try {
      const firstPull = slow.next();
      expect((await report('Ùn tắc tại vòng xoay Đồng Xoài')).errors).toBeUndefined();
      const first = await firstPull;
      const cursor = first.value!.data!.alertReceived.cursor;

      for (let i = 0; i < 40; i++) expect((await report(`Ùn tắc kéo dài ${i}`)).errors).toBeUndefined();
      await fast.until((s) => s.data.length >= 41);

      await expect(slow.next()).rejects.toMatchObject({ extensions: { code: 'SUBSCRIBER_OVERFLOW', cursor } });
      // Resuming from the cursor it was given, it gets the 40 it had not taken.
      const resumed = new Subscriber(hub.gatewayUrl, WatchAlertsDocument, { after: cursor }, hub.tokens.OPERATOR);
      await resumed.until((s) => s.data.length >= 40);
      expect(resumed.data.map((d) => d.alertReceived.alert!.headline)).toEqual(Array.from({ length: 40 }, (_, i) => `Ùn tắc kéo dài ${i}`));
      await resumed.stop();
    } finally {
      await fast.stop();
      await slow.return?.(undefined);
    }
  });

  it('pings idle connections so that proxies keep them open', async () => {
    const socket = new WebSocket(hub.gatewayUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
    let pings = 0;
    socket.on('ping', () => pings++);
    await new Promise((resolve) => socket.once('open', resolve));
    // Acknowledged (graphql-ws closes a socket not initialised within 3 s), then idle: no subscription.
    const acked = new Promise((resolve) => socket.once('message', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${hub.tokens.OPERATOR}` } }));
    expect(JSON.parse(String(await acked))).toMatchObject({ type: 'connection_ack' });
    // Every 2 s (WS_HEARTBEAT_MS): three pings arrive without any message from the client.
    await eventually(() => pings >= 3, { what: 'three pings' });
    expect(socket.readyState).toBe(WebSocket.OPEN);
    socket.close();
  });
});
