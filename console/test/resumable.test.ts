import { createClient, type Client } from 'graphql-ws';
import { parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import WebSocket from 'ws';
import { subscribeResumable } from '../src/graphql/resumable';
import { cameraAlert, reportCameraAlert } from '../../test/support/alerts';
import { eventually } from '../../test/support/eventually';
import { faultyProxy, type FaultyProxy } from '../../test/support/faultyProxy';
import { startHub, type Hub } from '../../test/support/hub';

type AlertEvents = { alertReceived: { cursor: string; type: string; alert: { id: string; headline: string } | null } };
const ALERTS: TypedDocumentNode<AlertEvents, { after?: string | null }> = parse(`
  subscription ConsoleTestAlerts($after: String) {
    alertReceived(after: $after) { cursor type alert { id headline } }
  }
`);

describe("the console's resumable live streams", () => {
  let hub: Hub;
  let proxy: FaultyProxy;
  let client: Client;
  let connections = 0;

  beforeAll(async () => {
    hub = await startHub();
    proxy = await faultyProxy(hub.gatewayUrl);
    // As the console's own client (graphql/client.ts): lazy, retrying for ever, here with short pauses.
    client = createClient({
      url: proxy.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      lazy: true,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      retryWait: () => new Promise((resolve) => setTimeout(resolve, 200)),
      connectionParams: { authorization: `Bearer ${hub.tokens.OPERATOR}` },
      on: { connected: () => void (connections += 1) },
    });
  });
  afterAll(async () => {
    await client?.dispose();
    await proxy?.close();
    await hub?.stop();
  });

  it('receives what happened while the socket was down, each event once, after it reconnects', async () => {
    const headlines: string[] = [];
    const stop = subscribeResumable(client, ALERTS, undefined, ({ alertReceived }) => {
      if (alertReceived.type === 'alert.received' && alertReceived.alert) headlines.push(alertReceived.alert.headline);
    });
    try {
      await eventually(() => connections === 1, { what: 'the first connection' });
      // The subscription is live once an alert reported now reaches it.
      let probe = 0;
      await eventually(
        async () => {
          probe += 1;
          await reportCameraAlert(hub, cameraAlert(`resume-probe-${probe}`, `Ùn tắc trước khi mất kết nối ${probe}`));
          return headlines.some((headline) => headline.startsWith('Ùn tắc trước khi'));
        },
        { interval: 500, what: 'the live subscription' },
      );

      proxy.down();
      await reportCameraAlert(hub, cameraAlert('resume-gap-1', 'Ùn tắc khi mất kết nối 1'));
      await reportCameraAlert(hub, cameraAlert('resume-gap-2', 'Ùn tắc khi mất kết nối 2'));
      proxy.up();
      await eventually(() => connections >= 2, { what: 'the reconnection' });
      await reportCameraAlert(hub, cameraAlert('resume-after', 'Ùn tắc sau khi kết nối lại'));

      await eventually(() => headlines.includes('Ùn tắc sau khi kết nối lại'), { what: 'the alert after the reconnection' });
      expect(headlines.filter((headline) => !headline.startsWith('Ùn tắc trước khi'))).toEqual([
        'Ùn tắc khi mất kết nối 1',
        'Ùn tắc khi mất kết nối 2',
        'Ùn tắc sau khi kết nối lại',
      ]);
      // Nothing twice, the probes included.
      expect(new Set(headlines).size).toBe(headlines.length);
    } finally {
      stop();
    }
  });
});
