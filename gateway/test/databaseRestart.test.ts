import type { EmbeddedPostgres, EmbeddedPostgresOptions } from '@ioc-graph/platform';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { WatchAlertsDocument } from '../../__generated__/graphql';
import { alertCursors, cameraAlert, reportCameraAlert } from '../../test/support/alerts';
import { portBelowEphemeralRange, startPostgresProcess } from '../../test/support/embeddedPostgres';
import { eventually } from '../../test/support/eventually';
import { startHub, type Hub } from '../../test/support/hub';
import { Subscriber } from '../../test/support/subscriber';

/**
 * The whole hub (six subgraphs, their relays and bus consumers, the gateway and its event feed) while
 * its PostgreSQL restarts under a stream of alerts: reports fail while it is down, with a code and no
 * internals, and succeed again once it is back, without a restart of the hub; every acknowledged alert
 * reaches a connected subscriber once, in order; one relay per subgraph is active again. This suite
 * starts its own embedded PostgreSQL: the machine's is shared by other suites.
 */
describe('the hub across a restart of its PostgreSQL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ioc-hub-restart-'));
  // Run as root, PostgreSQL runs as the postgres user, which must be able to reach the folder.
  chmodSync(dir, 0o755);
  let postgres: EmbeddedPostgres;
  let options: Omit<EmbeddedPostgresOptions, 'logger'>;
  let hub: Hub;

  beforeAll(async () => {
    // knex prints each pooled connection the restart broke ("Connection Error: …"): expected here.
    const print = console.log;
    jest.spyOn(console, 'log').mockImplementation((...args) => void (String(args[0]).startsWith('Connection Error') || print(...args)));
    options = { dataDir: join(dir, 'postgres'), port: await portBelowEphemeralRange(), database: 'ioc_hub_restart' };
    postgres = await startPostgresProcess(options);
    // Migrated and seeded by the hub itself; the delivery timeout outlasts the restart on a busy machine.
    hub = await startHub({ SUBSCRIPTION_DELIVERY_TIMEOUT_MS: '300000' }, { database: { url: postgres.url, drop: async () => undefined } });
  }, 180_000);
  afterAll(async () => {
    await hub?.stop();
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  /** Sessions holding a relay's lock (one session advisory lock per outbox), and the outboxes. */
  const relayLocks = async () => {
    const client = new Client({ connectionString: postgres.url });
    await client.connect();
    try {
      const locks = await client.query<{ n: string }>(
        `select count(*) as n from pg_locks where locktype = 'advisory' and granted
           and database = (select oid from pg_database where datname = current_database())`,
      );
      const outboxes = await client.query<{ n: string }>(
        `select count(*) as n from information_schema.tables where table_name = 'outbox_event'`,
      );
      return { held: Number(locks.rows[0].n), outboxes: Number(outboxes.rows[0].n) };
    } finally {
      await client.end();
    }
  };

  it('answers again, relays with one instance per subgraph, and gives a subscriber every acknowledged alert once, in order', async () => {
    const before = await relayLocks();
    expect(before.outboxes).toBeGreaterThanOrEqual(6);
    expect(before.held).toBe(before.outboxes);

    const after = hub.gateway.subscriptions.log.head;
    const subscriber = new Subscriber<{ alertReceived: { cursor: string; type: string; alert?: { headline: string } | null } }>(
      hub.gatewayUrl,
      WatchAlertsDocument,
      { after: String(after) },
      hub.tokens.OPERATOR,
    );
    const label = 'khi cơ sở dữ liệu khởi động lại';
    const acknowledged = new Set<string>();
    const refusals = new Map<string, number>();
    let stopping = false;
    // One alert at a time, each sent again with the same sourceRef until acknowledged: what a sector system does.
    const writer = (async () => {
      for (let i = 0; !stopping; i++) {
        for (;;) {
          const response = await reportCameraAlert(hub, cameraAlert(`pg-restart-${i}`, `Ùn tắc ${label} #${i}`)).catch((error: Error) => ({
            status: 0,
            data: null,
            errors: [{ message: error.message, extensions: { code: 'NO_ANSWER' } }],
          }));
          if (response.data?.reportAlert) {
            acknowledged.add(response.data.reportAlert.id);
            break;
          }
          const code = String(response.errors?.[0]?.extensions?.code);
          refusals.set(code, (refusals.get(code) ?? 0) + 1);
          expect(JSON.stringify(response.errors)).not.toMatch(/ECONN|postgres:\/\/|at .*\.js:\d+/);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    })();
    try {
      await eventually(() => acknowledged.size >= 20, { timeout: 60_000, what: '20 alerts acknowledged' });
      await postgres.stop();
      await eventually(() => refusals.size > 0, { timeout: 60_000, what: 'reports refused while PostgreSQL is down' });
      postgres = await startPostgresProcess(options);
      const acknowledgedBefore = acknowledged.size;
      await eventually(() => acknowledged.size >= acknowledgedBefore + 20, { timeout: 120_000, what: 'alerts acknowledged again' });
    } finally {
      stopping = true;
      await writer;
    }
    // Refused with a code the caller can act on (send it again), never as an internal error.
    expect([...refusals.keys()]).toEqual(expect.arrayContaining(['UNAVAILABLE']));
    for (const code of refusals.keys()) expect(['UNAVAILABLE', 'SUBGRAPH_UNAVAILABLE']).toContain(code);

    await eventually(async () => (await relayLocks()).held === before.outboxes, {
      timeout: 60_000,
      what: 'one relay per outbox active again',
    });
    const expected = await eventually(
      async () => {
        const cursors = await alertCursors(hub.gateway.subscriptions.log, after, acknowledged);
        return cursors.length === acknowledged.size && cursors;
      },
      { timeout: 120_000, what: 'every acknowledged alert in the gateway’s log' },
    );
    const received = () =>
      subscriber.data.filter((d) => d.alertReceived.alert?.headline.includes(label)).map((d) => d.alertReceived.cursor);
    try {
      await subscriber.until(() => received().length >= acknowledged.size, 120_000);
      expect(subscriber.error).toBeNull();
      expect(received()).toEqual(expected);
    } finally {
      await subscriber.stop();
    }
    expect((await relayLocks()).held).toBe(before.outboxes);
  }, 600_000);
});
