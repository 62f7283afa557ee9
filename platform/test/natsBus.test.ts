import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';
import type { BusEvent, EventBus, OutboxRecord } from '../src/events/bus';
import { createNatsBus } from '../src/events/natsBus';

const SERVERS = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
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

/** Resolves once `condition` holds, failing with `what` after `timeoutMs`. */
async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the NATS event bus', () => {
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
      await sleep(5); // a slow handler: the next batch must wait for it
      seen.push(...events);
    });
    try {
      await until(() => seen.length >= 2, 'the stored events');
      const live = records(5, 100);
      await bus.publish(live.slice(0, 2));
      await bus.publish(live.slice(2));
      await until(() => seen.length >= 7, 'the live events');
      await sleep(200); // nothing more (no repeats) arrives
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
      await sleep(200);
      expect(seen).toEqual([]);
      const live = record(200);
      await bus.publish([live]);
      await until(() => seen.length >= 1, 'the new event');
      await sleep(200);
      expect(seen.map((e) => [e.seq, e.id])).toEqual([[head + 1, live.id]]);
    } finally {
      await feed.close();
    }
    // A closed feed hears nothing more.
    await bus.publish([record(201)]);
    await sleep(200);
    expect(seen).toHaveLength(1);
  });

  it('delivers 500 records published in one call in order, through a follower', async () => {
    const head = await bus.head();
    const seen: BusEvent[] = [];
    const feed = await bus.follow(head, (events) => void seen.push(...events));
    try {
      const sent = records(500, 1000);
      await bus.publish(sent);
      await until(() => seen.length >= 500, '500 events', 20_000);
      await sleep(100);
      expect(seen).toHaveLength(500);
      seen.forEach((event, i) => expect(event.seq).toBe(head + 1 + i));
      expect(seen.map((e) => e.id)).toEqual(sent.map((r) => r.id));
      // A reader catches up on the same range in one call.
      expect((await bus.read(head, 1000)).map((e) => e.seq)).toEqual(seen.map((e) => e.seq));
    } finally {
      await feed.close();
    }
  });
});
