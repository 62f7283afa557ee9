import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { portBelowEphemeralRange, startPostgresProcess } from '../../../test/support/embeddedPostgres';
import { eventually } from '../../../test/support/eventually';
import type { EmbeddedPostgres, EmbeddedPostgresOptions } from '../database/embedded';
import { createOrm, type Orm } from '../database/orm';
import { createLogger } from '../logging';
import type { BusEvent, BusFeed, EventBus } from './bus';
import { OutboxEvent, outboxChannel } from './outboxEvent';
import { createPostgresBus } from './postgresBus';
import { OutboxRelay } from './relay';

/** Two subgraphs' outboxes, each relayed by two instances (one active, one standby). */
const SOURCES = ['restart_alpha', 'restart_beta'];
const LOCK_KEY = (schema: string) => `outbox-relay:${schema}`;
const logger = createLogger('relay-restart-test', 'silent');

/**
 * PostgreSQL restarted (a fast shutdown, then a start on the same data) under running relays and a
 * bus feed. This suite starts its own embedded PostgreSQL: the machine's is shared by other suites.
 * Relays and the feed poll only every 30 s, so only a re-established LISTEN brings events fast.
 */
describe('relays and the event feed across a PostgreSQL restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ioc-relay-restart-'));
  // Run as root, PostgreSQL runs as the postgres user, which must be able to reach the folder.
  chmodSync(dir, 0o755);
  let postgres: EmbeddedPostgres;
  let options: Omit<EmbeddedPostgresOptions, 'logger'>;
  const orms = new Map<string, Orm>();
  let bus: EventBus;
  let feed: BusFeed;
  const relays = new Map<string, OutboxRelay[]>();
  /** What the feed delivered, and when each event arrived. */
  const seen: BusEvent[] = [];
  const arrived = new Map<string, number>();

  /** Writes one event to `schema`'s outbox as a subgraph's transaction does; resolves once committed. */
  const write = async (schema: string): Promise<string> => {
    const event = Object.assign(new OutboxEvent(), {
      type: 'test.happened',
      entityType: 'Thing',
      entityKey: schema,
      payload: {},
      actor: 'tester',
      occurredAt: new Date(),
      audience: { public: false, agencyIds: [], fieldUnitIds: [] },
    });
    await orms
      .get(schema)!
      .em.fork()
      .transactional(async (em) => {
        em.persist(event);
        await em.flush();
        await em.execute('select pg_notify(?, ?)', [outboxChannel(schema), '']);
      });
    return event.id;
  };

  /** Keeps writing to every outbox until stopped, through the restart (a failed write is tried again); returns the acknowledged ids. */
  const startWriters = () => {
    let stopping = false;
    const acknowledged = new Map(SOURCES.map((schema) => [schema, [] as string[]]));
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const loops = SOURCES.map(async (schema) => {
      while (!stopping) {
        try {
          acknowledged.get(schema)!.push(await write(schema));
          await pause(20);
        } catch {
          await pause(50);
        }
      }
    });
    return {
      acknowledged,
      stop: async () => {
        stopping = true;
        await Promise.all(loops);
      },
    };
  };

  const withClient = async <T>(work: (client: Client) => Promise<T>): Promise<T> => {
    const client = new Client({ connectionString: postgres.url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  /** Sessions holding `schema`'s relay lock, as PostgreSQL sees them (a session advisory lock on one key). */
  const lockHolders = (schema: string) =>
    withClient(async (client) => {
      const { rows } = await client.query<{ pid: number }>(
        `select pid from pg_locks where locktype = 'advisory' and granted and objsubid = 1
            and database = (select oid from pg_database where datname = current_database())
            and objid = (hashtext($1)::bigint & 4294967295)::oid`,
        [LOCK_KEY(schema)],
      );
      return rows.map((row) => row.pid);
    });
  const activeRelays = (schema: string) => relays.get(schema)!.filter((relay) => relay.active).length;

  /** Exactly one relay per outbox believes it is active, and PostgreSQL agrees: one holder of each lock. */
  const oneActivePerOutbox = async () => {
    for (const schema of SOURCES) {
      expect(activeRelays(schema)).toBe(1);
      expect(await lockHolders(schema)).toHaveLength(1);
    }
    return true;
  };

  /** Commit→feed lag of one new event per outbox, in ms. */
  const lags = async (): Promise<number[]> => {
    const measured: number[] = [];
    for (const schema of SOURCES) {
      for (let i = 0; i < 3; i++) {
        const started = Date.now();
        const id = await write(schema);
        await eventually(() => arrived.has(id), { what: 'a new event on the feed' });
        measured.push(arrived.get(id)! - started);
      }
    }
    return measured;
  };

  beforeAll(async () => {
    // knex prints each pooled connection the restart broke ("Connection Error: …"): expected here.
    const print = console.log;
    jest.spyOn(console, 'log').mockImplementation((...args) => void (String(args[0]).startsWith('Connection Error') || print(...args)));
    options = { dataDir: join(dir, 'postgres'), port: await portBelowEphemeralRange(), database: 'ioc_relay_restart' };
    postgres = await startPostgresProcess(options);
    bus = await createPostgresBus({ url: postgres.url, logger, pollMs: 30_000 });
    feed = await bus.follow(0, (events) => {
      for (const event of events) arrived.set(event.id, Date.now());
      seen.push(...events);
    });
    for (const schema of SOURCES) {
      const orm = await createOrm({ url: postgres.url, schema, entities: [OutboxEvent], migrations: [], poolSize: 4 });
      orms.set(schema, orm);
      await orm.em.getConnection().execute(`create schema if not exists "${schema}"`);
      await orm.getSchemaGenerator().createSchema();
      const pair = [0, 1].map(() => new OutboxRelay(orm, postgres.url, bus, schema, logger, { intervalMs: 30_000 }));
      relays.set(schema, pair);
      for (const relay of pair) await relay.start();
    }
  });
  afterAll(async () => {
    await feed?.close();
    await Promise.all([...relays.values()].flat().map((relay) => relay.stop()));
    await bus?.close();
    await Promise.all([...orms.values()].map((orm) => orm.close()));
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  it('keeps one active relay per outbox, live delivery by LISTEN, and every event once, in order, without gap', async () => {
    await oneActivePerOutbox();
    const writers = startWriters();
    try {
      await eventually(() => SOURCES.every((schema) => seen.filter((e) => e.source === schema).length >= 10), {
        what: 'events on the feed before the restart',
      });

      await postgres.stop();
      // Their connections are gone and the locks with them: no relay may believe it still holds one.
      await eventually(() => SOURCES.every((schema) => activeRelays(schema) === 0), { what: 'every relay to turn inactive' });
      postgres = await startPostgresProcess(options);

      await eventually(oneActivePerOutbox, { what: 'one active relay per outbox again', timeout: 60_000 });
      const written = new Map(SOURCES.map((schema) => [schema, writers.acknowledged.get(schema)!.length]));
      await eventually(() => SOURCES.every((schema) => writers.acknowledged.get(schema)!.length >= written.get(schema)! + 10), {
        what: 'writes after the restart',
        timeout: 60_000,
      });
    } finally {
      await writers.stop();
    }

    // LISTEN is back on both ends: a new event arrives well within a second, where the poll would take 30.
    const measured = (await lags()).sort((a, b) => a - b);
    expect(measured[Math.floor(measured.length / 2)]).toBeLessThan(1000);

    await eventually(
      async () => {
        for (const orm of orms.values()) expect(await orm.em.fork().count(OutboxEvent, { relayedAt: null })).toBe(0);
        expect(seen.length).toBe(await bus.head());
        return true;
      },
      { what: 'every outbox relayed and the feed caught up', timeout: 60_000 },
    );
    const stored = await bus.read(0, 1_000_000);
    // The feed: every stored event, once, in order, no gap.
    expect(seen.map((e) => e.seq)).toEqual(stored.map((_, i) => i + 1));
    expect(seen.map((e) => e.id)).toEqual(stored.map((e) => e.id));
    // The bus: each outbox exactly once, in outbox order; every acknowledged write among it.
    for (const [schema, orm] of orms) {
      const outbox = (await orm.em.fork().find(OutboxEvent, {}, { orderBy: { seq: 'ASC' } })).map((e) => e.id);
      expect(stored.filter((e) => e.source === schema).map((e) => e.id)).toEqual(outbox);
      expect(outbox).toEqual(expect.arrayContaining(writers.acknowledged.get(schema)!));
    }
    await oneActivePerOutbox();
  });
});
