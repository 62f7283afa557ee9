import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';
import { eventually } from '../../../test/support/eventually';
import { needs, SERVICE_URLS } from '../../../test/support/services';
import type { BusEvent, EventBus, OutboxRecord } from './bus';
import { createNatsBus } from './natsBus';

const SERVERS = SERVICE_URLS.nats;
const run = `${process.pid}_${randomUUID().slice(0, 8)}`;
const stream = `IOC_TEST_${run}`;
const subjectPrefix = `ioc.test.${run}`;

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

const until = (condition: () => boolean, what: string, timeout?: number) => eventually(condition, { what, timeout, interval: 10 });

/**
 * Publishes a marker and waits until `seen` has it: in a feed that keeps order, whatever was still to
 * arrive before it has arrived (repeats included). Removes the marker from `seen`. Instead of sleeping.
 */
async function settle(bus: EventBus, seen: BusEvent[]): Promise<void> {
  const marker = record(-1);
  await bus.publish([marker]);
  await until(() => seen.some((e) => e.id === marker.id), 'the marker');
  seen.splice(
    seen.findIndex((e) => e.id === marker.id),
    1,
  );
}

describe('the NATS event bus', () => {
  if (!needs('nats')) return;
  let bus: EventBus;
  let admin: NatsConnection;

  beforeAll(async () => {
    admin = await connect({ servers: SERVERS });
    bus = await createNatsBus({ servers: SERVERS, stream, subjectPrefix });
  });

  afterAll(async () => {
    await bus?.close();
    await (await admin?.jetstreamManager())?.streams.delete(stream).catch(() => undefined);
    await admin?.close();
  });

  it('stores published records in order, with their sequence, and reads them back intact', async () => {
    const before = await bus.head();
    expect(before).toBe(0);
    expect(await bus.read(0, 10)).toEqual([]);
    const sent = records(3);
    const start = Date.now();
    await bus.publish(sent);
    expect(await bus.head()).toBe(before + 3);
    const read = await bus.read(0, 10);
    expect(read.map((e) => e.seq)).toEqual([1, 2, 3]);
    read.forEach((event, i) => {
      const { seq, storedAt, ...rest } = event;
      expect(rest).toEqual(sent[i]);
      expect(event.occurredAt).toBeInstanceOf(Date);
      expect(storedAt.getTime()).toBeGreaterThanOrEqual(start - 1000);
      expect(storedAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    });
    expect((await bus.read(1, 1)).map((e) => e.seq)).toEqual([2]);
  });

  it('stores a record published again (same id) only once', async () => {
    const [again] = await bus.read(0, 1);
    const head = await bus.head();
    const fresh = record(99);
    await bus.publish([again, fresh, fresh]);
    expect(await bus.head()).toBe(head + 1);
    expect((await bus.read(head, 10)).map((e) => e.id)).toEqual([fresh.id]);
  });

  it('follows from a cursor in the middle: the stored events after it, then live ones, in order, once', async () => {
    const head = await bus.head();
    const after = head - 2;
    const seen: BusEvent[] = [];
    const feed = await bus.follow(after, async (events) => {
      await new Promise((resolve) => setTimeout(resolve, 5)); // a slow handler: the next batch must wait for it
      seen.push(...events);
    });
    try {
      await until(() => seen.length >= 2, 'the stored events');
      const live = records(5, 100);
      await bus.publish(live.slice(0, 2));
      await bus.publish(live.slice(2));
      await until(() => seen.length >= 7, 'the live events');
      await settle(bus, seen); // nothing more (no repeats) arrives
      expect(seen.map((e) => e.seq)).toEqual(Array.from({ length: 7 }, (_, i) => after + 1 + i));
      expect(seen.slice(2).map((e) => e.id)).toEqual(live.map((r) => r.id));
    } finally {
      await feed.close();
    }
  });

  it('follows from the head with new events only, and reads nothing past the head', async () => {
    const head = await bus.head();
    expect(await bus.read(head, 10)).toEqual([]);
    expect(await bus.read(head + 5, 10)).toEqual([]);
    const seen: BusEvent[] = [];
    const feed = await bus.follow(head, (events) => void seen.push(...events));
    try {
      const live = record(200);
      await bus.publish([live]);
      await until(() => seen.length >= 1, 'the new event');
      await settle(bus, seen);
      // Nothing stored before the head came first, nothing came twice.
      expect(seen.map((e) => [e.seq, e.id])).toEqual([[head + 1, live.id]]);
    } finally {
      await feed.close();
    }
    // A closed feed hears nothing more: another feed hears the next event, the closed one does not.
    const witness: BusEvent[] = [];
    const other = await bus.follow(await bus.head(), (events) => void witness.push(...events));
    try {
      await bus.publish([record(201)]);
      await until(() => witness.length >= 1, 'the event after closing');
      expect(seen).toHaveLength(1);
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
      await until(() => seen.length >= 500, '500 events', 120_000);
      await settle(bus, seen);
      expect(seen).toHaveLength(500);
      seen.forEach((event, i) => expect(event.seq).toBe(head + 1 + i));
      expect(seen.map((e) => e.id)).toEqual(sent.map((r) => r.id));
      // A reader catches up on the same range in one call.
      expect((await bus.read(head, 500)).map((e) => e.seq)).toEqual(seen.map((e) => e.seq));
    } finally {
      await feed.close();
    }
  });
});
