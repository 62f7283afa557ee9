import {
  checkEventTime,
  checkSourceId,
  copyText,
  eventTimeText,
  SERVICE_IDENTITY,
  storeNewRecords,
  storedRecords,
  type Clock,
  type Identity,
  type RecordTableSpec,
} from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { inRange, MAX_BATCH, rowsByCode, startBatch, type UrbanIngestResult } from '../ingest';
import { judgeUrban } from '../rule/evaluate';

const PINGS: RecordTableSpec = {
  table: 'urban.truck_ping',
  columns: {
    source: 'text',
    source_id: 'text',
    truck_id: 'uuid',
    latitude: 'double precision',
    longitude: 'double precision',
    at: 'timestamptz',
    received_at: 'timestamptz',
  },
};

/**
 * Metres between a ping `x` and a point `p` (equirectangular: exact to well under a metre at the radii
 * of collection points, tens of metres).
 */
const DISTANCE_SQL = `6371000 * sqrt(power(radians(x.latitude - p.latitude), 2) + power(cos(radians(p.latitude)) * radians(x.longitude - p.longitude), 2))`;

/** One GPS ping as the trucks' tracking platform sends it. */
export interface TruckPingCandidate {
  truckCode?: unknown;
  latitude?: unknown;
  longitude?: unknown;
  at?: unknown;
  sourceId?: unknown;
}

interface ValidPing {
  sourceId: string;
  truckId: string;
  latitude: number;
  longitude: number;
  at: number;
  atText: string;
}

/**
 * Validates a batch of trucks' GPS pings as a whole (BAD_USER_INPUT naming `pings[i].field`), then in
 * one transaction stores the new ones (idempotent by (source, sourceId), a COPY), moves each truck's
 * last position forward, records a collection of every point a new ping came within the point's
 * radius of (once per point and local day: the earliest such ping) and judges the urban rules.
 */
export async function ingestTruckPings(
  em: EntityManager,
  clock: Clock,
  source: unknown,
  pings: readonly TruckPingCandidate[],
  actor: Identity = SERVICE_IDENTITY('urban'),
  max = MAX_BATCH,
): Promise<UrbanIngestResult> {
  const batch = startBatch(source, 'pings', pings.length, max);
  const { problems } = batch;
  const trucks = await rowsByCode(
    em,
    'waste_truck',
    pings.map((p) => p.truckCode),
  );
  const now = clock.now().getTime();
  const rows: ValidPing[] = [];
  pings.forEach((p, i) => {
    const before = problems.count;
    const field = (name: string) => `pings[${i}].${name}`;
    const truck = typeof p.truckCode === 'string' ? trucks.get(p.truckCode) : undefined;
    if (!truck) problems.add(field('truckCode'), `no waste truck ${String(p.truckCode).slice(0, 100)}`);
    if (!inRange(p.latitude, -90, 90)) problems.add(field('latitude'), 'must be from -90 to 90');
    if (!inRange(p.longitude, -180, 180)) problems.add(field('longitude'), 'must be from -180 to 180');
    const at = checkEventTime(problems, field('at'), p.at, now);
    const sourceId = checkSourceId(problems, field('sourceId'), p.sourceId);
    if (problems.count === before)
      rows.push({
        sourceId,
        truckId: truck!.id,
        latitude: p.latitude as number,
        longitude: p.longitude as number,
        at,
        atText: eventTimeText(p.at, at),
      });
  });
  problems.throwIfAny();
  if (!rows.length) return { received: 0, stored: 0, duplicates: 0 };
  const stored = await em.transactional((tx) => storePings(tx, clock.now(), actor, batch.source, rows));
  return { received: pings.length, stored, duplicates: pings.length - stored };
}

async function storePings(tx: EntityManager, at: Date, actor: Identity, source: string, rows: ValidPing[]): Promise<number> {
  const receivedAt = at.toISOString();
  const sourceField = copyText(source);
  let copy = '';
  for (const r of rows)
    copy += `${sourceField}\t${copyText(r.sourceId)}\t${r.truckId}\t${r.latitude}\t${r.longitude}\t${r.atText}\t${receivedAt}\n`;
  const outcome = await storeNewRecords(tx, PINGS, copy);
  const stored = storedRecords(rows, outcome);
  if (stored.length) {
    const json = JSON.stringify(
      stored.map((r) => ({
        truck_id: r.truckId,
        latitude: r.latitude,
        longitude: r.longitude,
        at: new Date(Math.min(r.at, at.getTime())).toISOString(),
      })),
    );
    await tx.execute(
      `with x as (select * from jsonb_to_recordset(?::jsonb) as x(truck_id uuid, latitude float8, longitude float8, at timestamptz)),
       latest as (select distinct on (truck_id) * from x order by truck_id, at desc),
       moved as (
         update urban.waste_truck t set last_ping_at = l.at, last_latitude = l.latitude, last_longitude = l.longitude
         from latest l where t.id = l.truck_id and (t.last_ping_at is null or t.last_ping_at < l.at)
       )
       insert into urban.collection (id, point_id, local_day, collected_at, method, truck_id)
       select gen_random_uuid(), point_id, day, at, 'GPS', truck_id from (
         select distinct on (p.id, (x.at at time zone 'Asia/Ho_Chi_Minh')::date)
           p.id as point_id, (x.at at time zone 'Asia/Ho_Chi_Minh')::date as day, x.at, x.truck_id
         from x join urban.collection_point p on ${DISTANCE_SQL} <= p.radius_meters
         order by p.id, (x.at at time zone 'Asia/Ho_Chi_Minh')::date, x.at
       ) near
       on conflict (point_id, local_day) do update set collected_at = excluded.collected_at, method = 'GPS', truck_id = excluded.truck_id
       where excluded.collected_at < collection.collected_at`,
      [json],
    );
  }
  await judgeUrban(tx, at, actor);
  return stored.length;
}
