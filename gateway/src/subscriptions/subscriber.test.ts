import { createLogger, type BusEvent } from '@ioc-graph/platform';
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { EventLog } from './eventLog';
import { Subscriber, type FrameSink, type FanoutOptions } from './fanout';

const event = (seq: number): BusEvent => ({
  id: `e${seq}`,
  source: 'incidents',
  type: 'alert.received',
  entityType: 'Alert',
  entityKey: `a${seq}`,
  payload: {},
  actor: 'camera',
  occurredAt: new Date(0),
  audience: { public: false, agencyIds: [], fieldUnitIds: [] },
  seq,
  storedAt: new Date(0),
});
const result = (seq: number): ExecutionResult => ({ data: { alertReceived: { cursor: String(seq) } } });

/**
 * The socket side of a subscriber that writes to its client's socket: what it was given and the
 * callbacks the socket calls once it has taken a message (held here, as a socket whose client does not
 * read holds them).
 */
function heldSocket() {
  const frames: string[] = [];
  const callbacks: ((error?: Error | null) => void)[] = [];
  const sink: FrameSink = {
    next(payload, written) {
      frames.push(payload);
      callbacks.push(written);
    },
  };
  return { sink, frames, takeAll: () => callbacks.splice(0).forEach((written) => written()) };
}

/** A subscriber's flow control over its socket: the same bound and cursor as over its queue. */
describe('a subscriber writing to its socket', () => {
  let subscribers = 0;
  const options: FanoutOptions = {
    log: {} as EventLog,
    logger: createLogger('test', 'silent'),
    maxLag: 4,
    deliveryTimeoutMs: 1_000,
    onSubscriber: (delta) => (subscribers += delta),
  };
  beforeEach(() => (subscribers = 0));

  it('writes each result once, serialised as graphql-ws sends it, and counts the subscriber until it ends', async () => {
    const socket = heldSocket();
    const subscriber = new Subscriber(10, options, socket.sink);
    expect(subscribers).toBe(1);
    const errors: ExecutionResult = { data: null, errors: [new GraphQLError('no', { extensions: { code: 'X' } })] };
    expect(subscriber.push(event(10), result(10))).toBe(false); // not after its start
    expect(subscriber.push(event(11), result(11))).toBe(true);
    expect(subscriber.push(event(12), errors)).toBe(true);
    expect(socket.frames.map((frame) => JSON.parse(frame))).toEqual([
      { data: { alertReceived: { cursor: '11' } } },
      { data: null, errors: [{ message: 'no', extensions: { code: 'X' } }] },
    ]);
    subscriber.end(null);
    await expect(subscriber.next()).resolves.toEqual({ value: undefined, done: true });
    expect(subscribers).toBe(0);
    expect(subscriber.push(event(13), result(13))).toBe(false);
  });

  it('ends with SUBSCRIBER_OVERFLOW and the cursor of its last written result when its socket holds maxLag results', async () => {
    const socket = heldSocket();
    const subscriber = new Subscriber(0, options, socket.sink);
    for (let seq = 1; seq <= 4; seq++) expect(subscriber.push(event(seq), result(seq))).toBe(true);
    // The client read them: the socket took them, room for four more.
    socket.takeAll();
    for (let seq = 5; seq <= 8; seq++) expect(subscriber.push(event(seq), result(seq))).toBe(true);
    expect(subscriber.push(event(9), result(9))).toBe(false);
    expect(socket.frames).toHaveLength(8);
    await expect(subscriber.next()).rejects.toMatchObject({ extensions: { code: 'SUBSCRIBER_OVERFLOW', cursor: '8' } });
    expect(subscribers).toBe(0);
  });

  it('lets a replay go on only once its socket has taken half of what it may hold', async () => {
    const socket = heldSocket();
    const subscriber = new Subscriber(0, options, socket.sink);
    const signal = new AbortController().signal;
    subscriber.push(event(1), result(1));
    await subscriber.room(signal);
    subscriber.push(event(2), result(2));
    let room = false;
    const waiting = subscriber.room(signal).then(() => (room = true));
    await Promise.resolve();
    expect(room).toBe(false);
    socket.takeAll();
    await waiting;
    expect(room).toBe(true);
  });

  it('ends with the error and the cursor of the last result written, after them', async () => {
    const socket = heldSocket();
    const subscriber = new Subscriber(0, options, socket.sink);
    subscriber.push(event(1), result(1));
    subscriber.push(event(2), result(2));
    subscriber.end((cursor) => new GraphQLError('gone', { extensions: { code: 'UNAVAILABLE', cursor: String(cursor) } }));
    await expect(subscriber.next()).rejects.toMatchObject({ extensions: { code: 'UNAVAILABLE', cursor: '2' } });
  });
});
