import type { GatewayServer } from '@ioc-graph/gateway';
import { randomBytes } from 'node:crypto';
import { WatchAlertsDocument, type EnvironmentUnitPictureQuery } from '../../__generated__/graphql';
import { alertCursors, cameraAlert, reportCameraAlert } from '../../test/support/alerts';
import { eventually } from '../../test/support/eventually';
import { startHub, type Hub } from '../../test/support/hub';
import { startSubgraphProcess, unreadBytes, type SubgraphProcess } from '../../test/support/subgraphProcess';
import { Subscriber } from '../../test/support/subscriber';
import { expectPictureWithout, unitPicture } from '../../test/support/unitPicture';

type Picture = EnvironmentUnitPictureQuery['administrativeUnitByCode'];

/** Generous for a busy 2-core machine, and still far below the timeouts that the fast answers are set against. */
const MARGIN_MS = 4_000;

/**
 * Queries and live events while the incidents subgraph is a process of its own that dies (`kill -9`) or
 * hangs (`kill -STOP`): queries answer with the rest of the graph within the timeout, the gateway's
 * subscribers wait, then receive every event, in order, once; nothing needs a restart but the subgraph.
 */
describe('subscriptions across a crashed or hung subgraph process', () => {
  let hub: Hub;
  let incidents: SubgraphProcess;
  let gateway: { server: GatewayServer; url: string };
  const tag = randomBytes(3).toString('hex');

  beforeAll(async () => {
    hub = await startHub();
    incidents = await startSubgraphProcess(hub, 'incidents');
    // A gateway whose incidents subgraph is the process; the delivery timeout outlasts a restart on a busy machine.
    gateway = await hub.startGateway({ SUBSCRIPTION_DELIVERY_TIMEOUT_MS: '300000' }, { incidents: incidents.url });
  });
  afterAll(async () => {
    await incidents?.stop();
    await hub?.stop();
  });

  const logOrder = (after: number, ids: Set<string>) => alertCursors(gateway.server.subscriptions.log, after, ids);
  /** The cursors of the `alert.received` events a subscriber got whose headline carries `label`. */
  const received = (
    subscriber: Subscriber<{ alertReceived: { cursor: string; type: string; alert?: { headline: string } | null } }>,
    label: string,
  ) =>
    subscriber.data
      .filter((d) => d.alertReceived.type === 'alert.received' && d.alertReceived.alert?.headline.includes(label))
      .map((d) => d.alertReceived.cursor);

  it('gives every subscriber all of a 1,000-alert burst, in order and once, across a kill -9 and restart of the incidents subgraph', async () => {
    const after = gateway.server.subscriptions.log.head;
    const subscribers = Array.from(
      { length: 4 },
      () => new Subscriber(gateway.url, WatchAlertsDocument, { after: String(after) }, hub.tokens.OPERATOR),
    );
    const ids = new Set<string>();
    const label = `khởi động lại ${tag}`;
    let failedReports = 0;
    // One alert, sent again with the same sourceRef until acknowledged: what a sector system does.
    const report = (i: number) =>
      eventually(
        async () => {
          const response = await reportCameraAlert(hub, cameraAlert(`crash-${tag}-${i}`, `Ùn tắc khi ${label} #${i}`), gateway.url);
          if (response.errors?.length || !response.data) return void failedReports++;
          ids.add(response.data.reportAlert.id);
          return true;
        },
        { timeout: 240_000, interval: 100, what: `alert ${i} acknowledged` },
      );
    let next = 0;
    const worker = async () => {
      while (next < 1_000) await report(next++);
    };
    try {
      const burst = Promise.all(Array.from({ length: 8 }, worker));
      await eventually(() => ids.size >= 300, { timeout: 240_000, what: '300 alerts acknowledged' });
      await incidents.kill();
      await eventually(() => failedReports > 0, { what: 'reports failing while the incidents subgraph is down' });
      await incidents.restart();
      await burst;
      expect(ids.size).toBe(1_000);

      // Acknowledged alerts reach the log once their outbox is relayed (by the restarted process or the hub's instance).
      const expected = await eventually(
        async () => {
          const cursors = await logOrder(after, ids);
          return cursors.length === 1_000 && cursors;
        },
        { timeout: 120_000, what: 'the 1,000 alerts in the gateway’s log' },
      );
      for (const subscriber of subscribers) {
        await subscriber.until((s) => received(s, label).length >= 1_000, 240_000);
        expect(subscriber.error).toBeNull();
        expect(received(subscriber, label)).toEqual(expected);
      }
    } finally {
      await Promise.all(subscribers.map((s) => s.stop()));
    }
  }, 600_000);

  describe('a query touching the incidents subgraph', () => {
    const unit = (url: string) => unitPicture(url, hub.tokens.LEADER);
    /** Answered whole by the process, before any fault (eventually: it may still be starting again after the test above). */
    const whole = async (url: string): Promise<Picture> => {
      let full: Picture = null;
      await eventually(
        async () => {
          const response = await unit(url);
          if (!response.errors && response.data?.administrativeUnitByCode?.incidentStats) full = response.data.administrativeUnitByCode;
          return full !== null;
        },
        { timeout: 60_000, what: 'the whole picture of the unit' },
      );
      return full!;
    };
    const expectPartial = (response: Awaited<ReturnType<typeof unit>>, full: Picture) =>
      expectPictureWithout(response, full, 'incidents', [incidents.url]);

    it('answers at once with the rest of the graph when the process is killed during the query, and whole once it is back', async () => {
      // A timeout far longer than the answer may take: the answer must come from the dropped connection.
      const { url } = await hub.startGateway({ SUBGRAPH_TIMEOUT_MS: '120000', RATE_LIMIT_PER_MINUTE: '0' }, { incidents: incidents.url });
      const full = await whole(url);
      incidents.pause();
      try {
        const answer = unit(url);
        // The request reaches the stopped process (the kernel takes it in, nobody reads it), then the process dies.
        await eventually(() => unreadBytes(incidents.port) > 0, { what: 'the request waiting in the stopped process' });
        const killedAt = Date.now();
        await incidents.kill();
        expectPartial(await answer, full);
        expect(Date.now() - killedAt).toBeLessThan(MARGIN_MS);
        // Down: answered at once, partially, again and again.
        expectPartial(await unit(url), full);
      } finally {
        await incidents.restart();
      }
      expect(await whole(url)).toEqual(full);
    });

    it('answers within SUBGRAPH_TIMEOUT_MS with the rest of the graph while the process hangs, and whole once it resumes', async () => {
      const { url } = await hub.startGateway({ SUBGRAPH_TIMEOUT_MS: '1500', RATE_LIMIT_PER_MINUTE: '0' }, { incidents: incidents.url });
      const full = await whole(url);
      incidents.pause();
      try {
        const started = Date.now();
        const response = await unit(url);
        const took = Date.now() - started;
        expectPartial(response, full);
        expect(response.errors?.[0].message).toMatch(/did not answer in time/);
        expect(took).toBeGreaterThanOrEqual(1_500);
        expect(took).toBeLessThan(1_500 + MARGIN_MS);
      } finally {
        incidents.resume();
      }
      expect(await whole(url)).toEqual(full);
    });
  });

  it('holds subscribers while the incidents subgraph hangs, then delivers every event in order', async () => {
    const after = gateway.server.subscriptions.log.head;
    const subscriber = new Subscriber(gateway.url, WatchAlertsDocument, { after: String(after) }, hub.tokens.OPERATOR);
    const ids = new Set<string>();
    const label = `treo ${tag}`;
    try {
      incidents.pause();
      // Written through the hub's own gateway and incidents subgraph: only this gateway's reads hang.
      for (let i = 0; i < 20; i++) {
        const response = await reportCameraAlert(hub, cameraAlert(`hang-${tag}-${i}`, `Ngập khi ${label} #${i}`));
        expect(response.errors).toBeUndefined();
        ids.add(response.data!.reportAlert.id);
      }
      await eventually(async () => (await logOrder(after, ids)).length === 20, { what: 'the 20 alerts in the gateway’s log' });
      expect(received(subscriber, label)).toEqual([]);
      incidents.resume();
      await subscriber.until((s) => received(s, label).length >= 20, 120_000);
      expect(subscriber.error).toBeNull();
      expect(received(subscriber, label)).toEqual(await logOrder(after, ids));
    } finally {
      incidents.resume();
      await subscriber.stop();
    }
  });
});
