import type { Orm } from '../database/orm';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { eventually } from '../../../test/support/eventually';
import { createOrm } from '../database/orm';
import { createLogger } from '../logging';
import type { EventBus, OutboxRecord } from './bus';
import { OutboxEvent, outboxChannel } from './outboxEvent';
import { createPostgresBus } from './postgresBus';
import { OutboxRelay } from './relay';

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
  const onBus = async () => (await bus.read(0, 10_000)).map((e) => e.id);
  /** A relay over `through` (the bus, or a wrapper of it); polling only once a minute unless told. */
  const relay = (through: EventBus = bus, intervalMs = 60_000) => {
    const created = new OutboxRelay(orm, database.url, through, 'tests', logger, intervalMs);
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
});
