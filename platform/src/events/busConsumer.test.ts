import type { Orm } from '../database/orm';
import type { Logger } from '../logging';
import type { BusEvent, EventBus } from './bus';
import { BusConsumer, type EventHandler } from './busConsumer';
import { INCIDENT_EVENT_TYPES, isEventOf, type IncidentEventType } from './contracts';

const busEvent = (seq: number, type: string): BusEvent => ({
  id: `e${seq}`,
  source: 'incidents',
  type,
  entityType: 'Incident',
  entityKey: 'k1',
  payload: { code: `SV-${seq}` },
  actor: 'someone',
  occurredAt: new Date(0),
  audience: { public: false, agencyIds: [], fieldUnitIds: [] },
  seq,
  storedAt: new Date(0),
});

/** A consumer wired to an in-memory bus feed and an entity manager that records the cursor's moves. */
async function consumer(handler: EventHandler<IncidentEventType>) {
  const cursor: string[] = [];
  const em = { findOne: async () => null, upsert: async (_entity: unknown, row: { position: string }) => void cursor.push(row.position) };
  const orm = {
    em: { fork: () => ({ ...em, transactional: async (work: (tx: typeof em) => Promise<void>) => work(em) }) },
  } as unknown as Orm;
  let deliver: (events: BusEvent[]) => void | Promise<void> = () => undefined;
  const bus = {
    head: async () => 0,
    follow: async (_after: number, onEvents: typeof deliver) => {
      deliver = onEvents;
      return { close: async () => undefined };
    },
  } as unknown as EventBus;
  const logger = { debug: () => undefined } as unknown as Logger;
  await new BusConsumer(orm, bus, 'test', handler, logger).start();
  return { cursor, deliver: (events: BusEvent[]) => deliver(events) };
}

describe('BusConsumer', () => {
  it('hands over only the events its handler accepts, and moves the cursor past every event', async () => {
    const handled: string[][] = [];
    const { cursor, deliver } = await consumer({
      accepts: (event) => isEventOf(event, INCIDENT_EVENT_TYPES),
      handle: async (_em, events) => void handled.push(events.map((event) => `${event.type} ${event.payload.code}`)),
    });
    await deliver([busEvent(1, 'incident.opened'), busEvent(2, 'alert.received'), busEvent(3, 'incident.assigned')]);
    await deliver([busEvent(4, 'traffic.breachOpened')]);
    expect(handled).toEqual([['incident.opened SV-1', 'incident.assigned SV-3']]);
    expect(cursor).toEqual(['3', '4']);
  });

  it('does not move the cursor when the handler throws', async () => {
    const { cursor, deliver } = await consumer({
      accepts: (event) => isEventOf(event, INCIDENT_EVENT_TYPES),
      handle: async () => {
        throw new Error('the database is gone');
      },
    });
    await expect(deliver([busEvent(1, 'incident.opened')])).rejects.toThrow('the database is gone');
    expect(cursor).toEqual([]);
  });
});
