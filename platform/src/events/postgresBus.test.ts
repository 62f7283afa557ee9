import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { eventually } from '../../../test/support/eventually';
import type { BusEvent, EventBus, OutboxRecord } from './bus';
import { createPostgresBus } from './postgresBus';

const record = (n: number): OutboxRecord => ({
  id: randomUUID(),
  source: 'incidents',
  type: 'incident.assigned',
  entityType: 'Incident',
  entityKey: randomUUID(),
  payload: { n },
  actor: 'demo-operator',
  occurredAt: new Date(Date.now() - 1000 + n),
  audience: { public: false, agencyIds: ['a'], fieldUnitIds: [] },
});
const records = (count: number, from = 0) => Array.from({ length: count }, (_, i) => record(from + i));

/** Publishes a marker and waits for it in `seen` (in-order feed: all that was to come before it came), then removes it. */
async function settle(bus: EventBus, seen: BusEvent[]): Promise<void> {
  const marker = record(-1);
  await bus.publish([marker]);
  await eventually(() => seen.some((e) => e.id === marker.id), { what: 'the marker' });
  seen.splice(
    seen.findIndex((e) => e.id === marker.id),
    1,
  );
}

/** The event log of the embedded default, alone on a fresh database. Polls only every minute: live events must come by the doorbell. */
describe('the PostgreSQL event bus', () => {
  let database: TestDatabase;
  let bus: EventBus;
  /** A connection of the test itself, to look at and end the bus's sessions. */
  let admin: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    bus = await createPostgresBus({ url: database.url, pollMs: 60_000 });
    admin = new Client({ connectionString: database.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await bus?.close();
    await database?.drop();
  });

  it('numbers published records without gaps, in order, and reads them back intact', async () => {
    expect(await bus.head()).toBe(0);
    const sent = records(3);
    await bus.publish(sent);
    await bus.publish([]);
    expect(await bus.head()).toBe(3);
    const read = await bus.read(0, 10);
    expect(read.map((e) => e.seq)).toEqual([1, 2, 3]);
    read.forEach(({ seq: _seq, storedAt, ...rest }, i) => {
      expect(rest).toEqual(sent[i]);
      expect(storedAt).toBeInstanceOf(Date);
    });
    expect((await bus.read(1, 1)).map((e) => e.seq)).toEqual([2]);
  });

  it('stores a record published again (same id) only once, and numbers the others on', async () => {
    const [again] = await bus.read(0, 1);
    const head = await bus.head();
    const fresh = record(99);
    await bus.publish([again, fresh]);
    await bus.publish([fresh]);
    expect(await bus.head()).toBe(head + 1);
    expect((await bus.read(head, 10)).map((e) => [e.seq, e.id])).toEqual([[head + 1, fresh.id]]);
  });

  it('numbers concurrent publishers’ records without gaps or collisions', async () => {
    const head = await bus.head();
    await Promise.all(Array.from({ length: 8 }, (_, i) => bus.publish(records(5, 200 + i * 5))));
    const read = await bus.read(head, 100);
    expect(read.map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => head + 1 + i));
  });

  it('follows from a cursor: the stored events after it, then live ones, in order, once', async () => {
    const head = await bus.head();
    const after = head - 2;
    const seen: BusEvent[] = [];
    const feed = await bus.follow(after, (events) => void seen.push(...events));
    try {
      await eventually(() => seen.length >= 2, { what: 'the stored events' });
      const live = records(5, 300);
      await bus.publish(live.slice(0, 2));
      await bus.publish(live.slice(2));
      await eventually(() => seen.length >= 7, { what: 'the live events, by the doorbell' });
      await settle(bus, seen);
      expect(seen.map((e) => e.seq)).toEqual(Array.from({ length: 7 }, (_, i) => after + 1 + i));
      expect(seen.slice(2).map((e) => e.id)).toEqual(live.map((r) => r.id));
    } finally {
      await feed.close();
    }
  });

  it('hears nothing more once a feed is closed', async () => {
    const seen: BusEvent[] = [];
    const feed = await bus.follow(await bus.head(), (events) => void seen.push(...events));
    await feed.close();
    const witness: BusEvent[] = [];
    const other = await bus.follow(await bus.head(), (events) => void witness.push(...events));
    try {
      await bus.publish([record(400)]);
      await eventually(() => witness.length >= 1, { what: 'the event after closing' });
      expect(seen).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('delivers 500 records published in one call in order, through a follower', async () => {
    const head = await bus.head();
    const seen: BusEvent[] = [];
    const feed = await bus.follow(head, (events) => void seen.push(...events));
    try {
      const sent = records(500, 1000);
      await bus.publish(sent);
      await eventually(() => seen.length >= 500, { what: '500 events', timeout: 120_000 });
      await settle(bus, seen);
      expect(seen.map((e) => e.id)).toEqual(sent.map((r) => r.id));
      expect(seen.map((e) => e.seq)).toEqual(Array.from({ length: 500 }, (_, i) => head + 1 + i));
    } finally {
      await feed.close();
    }
  });

  it('reconnects a feed whose LISTEN connection dropped, catches up without gap or repeat, and hears the doorbell again', async () => {
    const head = await bus.head();
    const seen: BusEvent[] = [];
    const feed = await bus.follow(head, (events) => void seen.push(...events));
    try {
      const before = records(2, 2000);
      await bus.publish(before);
      await eventually(() => seen.length >= 2, { what: 'the events before the drop' });
      // Ends the feed's LISTEN session from the server side, as a database restart would (the bus's pool is untouched).
      const listening = async () =>
        (
          await admin.query<{ pid: number }>(
            "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and query = 'listen ioc_events'",
          )
        ).rows.map((row) => row.pid);
      const [pid] = await listening();
      await admin.query('select pg_terminate_backend($1)', [pid]);
      const during = records(3, 2100);
      await bus.publish(during);
      // The poll is a minute away: only the reconnection's catch-up brings these.
      await eventually(() => seen.length >= 5, { what: 'the events published while the feed reconnected' });
      await eventually(async () => (await listening()).some((other) => other !== pid), { what: 'a new LISTEN connection' });
      const after = records(2, 2200);
      await bus.publish(after);
      await eventually(() => seen.length >= 7, { what: 'the events after the reconnection, by the doorbell' });
      await settle(bus, seen);
      expect(seen.map((e) => e.id)).toEqual([...before, ...during, ...after].map((r) => r.id));
      expect(seen.map((e) => e.seq)).toEqual(Array.from({ length: 7 }, (_, i) => head + 1 + i));
    } finally {
      await feed.close();
    }
  });
});
