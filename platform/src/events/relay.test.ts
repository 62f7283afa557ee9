import type { Orm } from '../database/orm';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { eventually } from '../../../test/support/eventually';
import { createOrm } from '../database/orm';
import { createLogger } from '../logging';
import type { EventBus, OutboxRecord } from './bus';
import { OutboxEvent, outboxChannel } from './outboxEvent';
import { createPostgresBus } from './postgresBus';
import { OutboxRelay, type RelayRole } from './relay';

const SCHEMA = 'relay_test';
const logger = createLogger('relay-test', 'silent');

/** The outbox relay alone: a subgraph schema with an outbox, and the PostgreSQL bus on the same database. */
describe('OutboxRelay', () => {
  let database: TestDatabase;
  let orm: Orm;
  let bus: EventBus;
  const relays: OutboxRelay[] = [];
  let seq = 0;

  /** Writes events to the outbox as a subgraph's transaction does, ringing the relay's doorbell. */
  const write = async (count: number) => {
    const em = orm.em.fork();
    const events = Array.from({ length: count }, () =>
      Object.assign(new OutboxEvent(), {
        type: 'test.happened',
        entityType: 'Thing',
        entityKey: `thing-${++seq}`,
        payload: { seq },
        actor: 'tester',
        occurredAt: new Date(),
        audience: { public: false, agencyIds: [], fieldUnitIds: [] },
      }),
    );
    await em.persist(events).flush();
    await em.getConnection().execute(`select pg_notify('${outboxChannel(SCHEMA)}', '')`);
    return events.map((e) => e.id);
  };
  const pending = async () => orm.em.fork().count(OutboxEvent, { relayedAt: null });
  /** Backends holding the relay lock of the test schema (a session advisory lock: one key, two halves). */
  const lockHolders = async (): Promise<number[]> => {
    const rows = await orm.em.getConnection().execute<{ pid: number }[]>(
      `select pid from pg_locks where locktype = 'advisory' and granted and objsubid = 1
          and database = (select oid from pg_database where datname = current_database())
          and objid = (hashtext(?)::bigint & 4294967295)::oid`,
      [`outbox-relay:${SCHEMA}`],
    );
    return rows.map((row) => row.pid);
  };
  /** Ends the lock holder's session from the server side, as a database restart or an administrator would. */
  const terminateLockHolder = async () => {
    const [pid] = await lockHolders();
    await orm.em.getConnection().execute('select pg_terminate_backend(?)', [pid]);
  };
  const onBus = async () => (await bus.read(0, 10_000)).map((e) => e.id);
  /** A relay over `through` (the bus, or a wrapper of it); polling only once a minute unless told. */
  const relay = (through: EventBus = bus, intervalMs = 60_000) => {
    const created = new OutboxRelay(orm, database.url, through, 'tests', logger, { intervalMs });
    relays.push(created);
    return created;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await createOrm({ url: database.url, schema: SCHEMA, entities: [OutboxEvent], migrations: [], poolSize: 4 });
    await orm.em.getConnection().execute(`create schema if not exists "${SCHEMA}"`);
    await orm.getSchemaGenerator().createSchema();
    bus = await createPostgresBus({ url: database.url });
  });
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
  });
  afterAll(async () => {
    await bus?.close();
    await orm?.close();
    await database?.drop();
  });

  it('publishes what was waiting when it starts, in outbox order, and marks it relayed', async () => {
    const ids = await write(3);
    await relay().start();
    expect(await onBus()).toEqual(ids);
    expect(await pending()).toBe(0);
    const [first] = await bus.read(0, 1);
    expect(first).toMatchObject({ source: 'tests', type: 'test.happened', payload: { seq: 1 }, actor: 'tester' });
  });

  it('publishes a new event when the doorbell rings, without waiting for its poll', async () => {
    await relay().start();
    const [id] = await write(1);
    await eventually(async () => (await onBus()).includes(id), { what: 'the event on the bus' });
    expect(await pending()).toBe(0);
  });

  it('keeps a second relay of the same schema as a standby that takes over when the first stops', async () => {
    const published: OutboxRecord[][] = [];
    const watched: EventBus = {
      ...bus,
      publish: async (records) => {
        published.push(records);
        await bus.publish(records);
      },
    };
    const active = relay();
    await active.start();
    const standby = relay(watched, 50);
    await standby.start();
    const [id] = await write(1);
    await eventually(async () => (await onBus()).includes(id), { what: 'the active relay to publish' });
    expect(published).toEqual([]);
    await active.stop();
    const [next] = await write(1);
    await eventually(async () => (await onBus()).includes(next), { what: 'the standby to take over' });
    expect(published.flat().map((r) => r.id)).toEqual([next]);
  });

  it('leaves events in the outbox when the bus fails, and publishes them on the next try', async () => {
    let failing = true;
    const flaky: EventBus = {
      ...bus,
      publish: async (records) => (failing ? Promise.reject(new Error('bus down')) : bus.publish(records)),
    };
    const flakyRelay = relay(flaky);
    await flakyRelay.start();
    const ids = await write(2);
    await flakyRelay.relay();
    expect(await pending()).toBe(2);
    failing = false;
    await flakyRelay.relay();
    expect(await pending()).toBe(0);
    expect((await onBus()).slice(-2)).toEqual(ids);
  });

  it('turns inactive at once when its lock connection drops, then reconnects, takes the lock again and relays what came meanwhile', async () => {
    const roles: RelayRole[] = [];
    const lonely = new OutboxRelay(orm, database.url, bus, 'tests', logger, {
      intervalMs: 60_000,
      onRole: (role) => void roles.push(role),
    });
    relays.push(lonely);
    await lonely.start();
    expect(lonely.active).toBe(true);
    await terminateLockHolder();
    const [id] = await write(1);
    // No poll for a minute: only the reconnection's catch-up or its new LISTEN can bring the event.
    await eventually(async () => (await onBus()).includes(id), { what: 'the event written while the relay reconnected' });
    expect(roles.slice(0, 2)).toEqual(['active', 'lost']);
    expect(roles.at(-1)).toBe('active');
    expect(lonely.active).toBe(true);
    expect(await lockHolders()).toHaveLength(1);
    const [next] = await write(1);
    await eventually(async () => (await onBus()).includes(next), { what: 'the next event, by the doorbell again' });
  });

  it('lets the standby take over when the active relay loses its connection mid-batch, and keeps outbox order when the late batch lands', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let held: OutboxRecord[] | null = null;
    const stuck: EventBus = {
      ...bus,
      publish: async (records) => {
        held = records;
        await gate;
        await bus.publish(records);
      },
    };
    const before = await bus.head();
    const first = relay(stuck);
    await first.start();
    const second = relay(bus, 50);
    await second.start();
    expect([first.active, second.active]).toEqual([true, false]);
    try {
      const batch = await write(3);
      await eventually(() => held !== null, { what: 'the first relay to be publishing' });
      await terminateLockHolder();
      await eventually(() => second.active, { what: 'the standby to take the lock' });
      expect(first.active).toBe(false);
      await eventually(async () => (await onBus()).includes(batch[2]), { what: 'the standby to publish the batch' });
      const later = await write(2);
      await eventually(async () => (await onBus()).includes(later[1]), { what: 'the standby to publish the next events' });
      release();
      // Waits for its stuck batch to end: it lands on the bus late, after the standby's.
      await first.relay();
      expect(first.active).toBe(false);
      const published = (await bus.read(before, 100)).map((e) => e.id);
      expect(published).toEqual([...batch, ...later]);
      expect(await lockHolders()).toHaveLength(1);
      expect(second.active).toBe(true);
    } finally {
      release();
    }
  });
});
