import { demoId } from '@ioc-graph/directory';
import { createLogger, envReader, ManualClock, Role } from '@ioc-graph/platform';
import { createTestDatabase } from '../../../test/support/database';
import { signedHeaders } from '../../../test/support/identities';
import { hourlyAqi } from '../src/aqi/vnAqi';
import { createServer, readEnvironmentConfig, type EnvironmentServer } from '../src/server';

/** The environment subgraph alone on a fresh database, called as the gateway would (signed identity headers). */
describe('environment: bulk ingest, rollups, VN_AQI, series and unit air quality', () => {
  const NOW = '2026-11-23T12:20:00Z';
  const clock = new ManualClock(new Date(NOW));
  const statements: string[] = [];
  let database: { url: string; drop(): Promise<void> };
  let server: EnvironmentServer;
  let url: string;
  let seq = 0;

  const gql = async <T = unknown>(query: string, variables: Record<string, unknown> = {}, role: Role | null = null) => {
    const body = JSON.stringify({ query, variables });
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signedHeaders('environment', role, body, `env-test-${++seq}`) },
      body,
    });
    return (await response.json()) as {
      data?: T;
      errors?: { message: string; extensions?: { code?: string; problems?: { field: string }[] } }[];
    };
  };
  const count = async (table: string) =>
    Number((await server.orm.em.fork().getConnection().execute(`select count(*) as n from environment.${table}`))[0].n);

  const INGEST = `mutation ($input: IngestReadingsInput!) { ingestReadings(input: $input) { received stored duplicates } }`;
  const ingest = (source: string, readings: unknown[], role: Role | null = Role.SYSTEM) =>
    gql<{ ingestReadings: { received: number; stored: number; duplicates: number } }>(INGEST, { input: { source, readings } }, role);
  const hour = (iso: string, hours: number) => new Date(new Date(iso).getTime() + hours * 3_600_000);

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = readEnvironmentConfig(
      envReader({ ...process.env, LOG_LEVEL: 'silent', NODE_ENV: 'test', EXPOSE_INTERNAL_ERRORS: 'false', PORT: '0' }),
    );
    server = await createServer(config, database.url, {
      logger: createLogger('environment', 'silent'),
      clock,
      onQuery: (sql) => void (/outbox_event|pg_try_advisory_lock/.test(sql) || statements.push(sql)),
    });
    url = await server.listen(0);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('seeds the Bình Phước stations with their unit lineage, filterable by subtree', async () => {
    const all = await gql<{ stations: { code: string; kind: string }[] }>(`{ stations { code kind } }`);
    expect(all.errors).toBeUndefined();
    expect(all.data!.stations.length).toBeGreaterThanOrEqual(10);
    const dongXoaiAir = await gql<{ stations: { code: string }[] }>(
      `query ($unit: ID) { stations(kind: AIR, withinUnitId: $unit) { code administrativeUnit { id } } }`,
      {
        unit: demoId('unit', '689'),
      },
    );
    expect(dongXoaiAir.data!.stations.map((s: { code: string }) => s.code)).toEqual(['BP-KK-DX01', 'BP-KK-DX02']);
    const thacMo = await gql<{ station: unknown }>(`{ station(code: "BP-TV-THACMO") { kind alarmLevels { level1 level2 level3 } } }`);
    expect(thacMo.data!.station).toEqual({ kind: 'WATER_LEVEL', alarmLevels: { level1: 216.5, level2: 217.5, level3: 218 } });
  });

  it('stores a bulk ingest of 10,000 readings once when it is sent twice', async () => {
    const stations = ['BP-KK-DX01', 'BP-KK-DX02', 'BP-KK-CT01', 'BP-KK-CT02'];
    const start = new Date('2026-11-18T00:00:00Z').getTime();
    const readings = Array.from({ length: 10_000 }, (_, i) => ({
      stationCode: stations[i % 4],
      metric: i % 8 < 4 ? 'PM2_5' : 'PM10',
      value: 20 + (i % 37),
      measuredAt: new Date(start + Math.floor(i / 8) * 5 * 60_000).toISOString(),
      sourceId: `q-${i}`,
    }));
    const first = await ingest('quan-trac-tu-dong', readings);
    expect(first.errors).toBeUndefined();
    expect(first.data!.ingestReadings).toEqual({ received: 10_000, stored: 10_000, duplicates: 0 });
    const second = await ingest('quan-trac-tu-dong', readings);
    expect(second.data!.ingestReadings).toEqual({ received: 10_000, stored: 0, duplicates: 10_000 });
    expect(await count('reading')).toBe(10_000);
    const [{ n }] = await server.orm.em.fork().getConnection().execute(`select sum(count)::int as n from environment.hourly_rollup`);
    expect(n).toBe(10_000);
    expect(await count('station_aqi')).toBeGreaterThan(0);
  });

  it('refuses a batch with a bad reading, writing nothing and naming readings[i].value', async () => {
    const before = await count('reading');
    const at = '2026-11-23T10:05:00Z';
    const result = await ingest('quan-trac-tu-dong', [
      { stationCode: 'BP-KK-PL01', metric: 'PM2_5', value: 30, measuredAt: at, sourceId: 'bad-0' },
      { stationCode: 'BP-KK-PL01', metric: 'PM2_5', value: -5, measuredAt: at, sourceId: 'bad-1' },
      { stationCode: 'BP-MUA-DX', metric: 'PM2_5', value: 10, measuredAt: at, sourceId: 'bad-2' },
    ]);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const fields = result.errors![0]!.extensions!.problems!.map((p: { field: string }) => p.field);
    expect(fields).toEqual(['readings[1].value', 'readings[2].metric']);
    expect(await count('reading')).toBe(before);
  });

  it('is for the sector’s systems and operators only', async () => {
    const reading = { stationCode: 'BP-MUA-DX', metric: 'RAINFALL', value: 1, measuredAt: '2026-11-23T10:00:00Z', sourceId: 'auth-1' };
    expect((await ingest('mua', [reading], null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await ingest('mua', [reading], Role.PARTNER)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await ingest('mua', [reading], Role.OPERATOR)).data!.ingestReadings.stored).toBe(1);
    const raw = `{ station(code: "BP-MUA-DX") { latestReadings { metric value } } }`;
    expect((await gql(raw)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await gql<{ station: { latestReadings: unknown[] } }>(raw, {}, Role.OPERATOR)).data!.station.latestReadings).toEqual([
      { metric: 'RAINFALL', value: 1 },
    ]);
  });

  it('keeps the newest reading of each metric, whatever the order readings arrive in', async () => {
    const reading = (sourceId: string, metric: string, value: number, measuredAt: string) => ({
      stationCode: 'BP-MUA-BD',
      metric,
      value,
      measuredAt,
      sourceId,
    });
    const latest = async () =>
      (
        await gql<{ station: { latestReadings: unknown[] } }>(
          `{ station(code: "BP-MUA-BD") { latestReadings { metric value measuredAt } } }`,
          {},
          Role.OPERATOR,
        )
      ).data!.station.latestReadings;
    await ingest('mua-bd', [
      reading('bd-1', 'RAINFALL', 4.5, '2026-11-23T03:00:00Z'),
      reading('bd-2', 'RAINFALL', 2.5, '2026-11-23T01:00:00Z'),
    ]);
    // An older one arriving later does not replace it; a newer one does, per metric.
    await ingest('mua-bd', [reading('bd-3', 'RAINFALL', 9, '2026-11-23T02:00:00Z')]);
    expect(await latest()).toEqual([{ metric: 'RAINFALL', value: 4.5, measuredAt: '2026-11-23T03:00:00.000Z' }]);
    await ingest('mua-bd', [
      reading('bd-4', 'RAINFALL', 1.5, '2026-11-23T04:00:00+07:00'),
      reading('bd-5', 'RAINFALL', 0, '2026-11-23T03:30:00Z'),
    ]);
    expect(await latest()).toEqual([{ metric: 'RAINFALL', value: 0, measuredAt: '2026-11-23T03:30:00.000Z' }]);
    // A source id already stored is a duplicate, however new its time: nothing changes.
    const again = await ingest('mua-bd', [reading('bd-2', 'RAINFALL', 7, '2026-11-23T05:00:00Z')]);
    expect(again.data!.ingestReadings).toEqual({ received: 1, stored: 0, duplicates: 1 });
    expect(await latest()).toEqual([{ metric: 'RAINFALL', value: 0, measuredAt: '2026-11-23T03:30:00.000Z' }]);
  });

  // A worked NowCast: 12 hourly PM2.5 averages (oldest first) up to 11:00Z; w = max(40/90, ½) = ½,
  // NowCast = Σ ½^i·c_i / Σ ½^i = 66.87 µg/m³, in the 50–80 band: (150−100)/(80−50)·(66.87−50)+100 = 128.1 → 128 (Kém).
  const HOURLY = [40, 45, 52, 60, 58, 55, 70, 85, 90, 75, 65, 62];
  const FIRST_HOUR = '2026-11-23T00:00:00Z';

  it('stores the hourly VN_AQI of an air station from its hourly PM2.5 averages', async () => {
    // Two readings per hour whose mean is the hourly value, sent newest first in two batches.
    const readings = HOURLY.flatMap((v, h) => [
      {
        stationCode: 'BP-KK-PL01',
        metric: 'PM2_5',
        value: v - 3,
        measuredAt: new Date(hour(FIRST_HOUR, h).getTime() + 10 * 60_000).toISOString(),
        sourceId: `pl-${h}-a`,
      },
      {
        stationCode: 'BP-KK-PL01',
        metric: 'PM2_5',
        value: v + 3,
        measuredAt: new Date(hour(FIRST_HOUR, h).getTime() + 40 * 60_000).toISOString(),
        sourceId: `pl-${h}-b`,
      },
    ]).reverse();
    expect((await ingest('quan-trac-tu-dong', readings.slice(0, 11))).data!.ingestReadings.stored).toBe(11);
    expect((await ingest('quan-trac-tu-dong', readings.slice(11))).data!.ingestReadings.stored).toBe(13);

    const stored = (await server.orm.em
      .fork()
      .getConnection()
      .execute(
        `select a.hour, a.aqi, a.dominant from environment.station_aqi a join environment.station s on s.id = a.station_id where s.code = 'BP-KK-PL01' order by a.hour`,
      )) as { hour: Date; aqi: number; dominant: string }[];
    // The first hour has no NowCast (2 of the 3 latest hours are needed), so no AQI.
    expect(hourlyAqi({ PM2_5: [HOURLY[0]!] })).toBeNull();
    expect(stored).toHaveLength(11);
    stored.forEach((row, i) => {
      const h = i + 1;
      const newestFirst = HOURLY.slice(0, h + 1).reverse();
      expect({ hour: new Date(row.hour).toISOString(), aqi: row.aqi, dominant: row.dominant }).toEqual({
        hour: hour(FIRST_HOUR, h).toISOString(),
        aqi: hourlyAqi({ PM2_5: newestFirst })!.aqi,
        dominant: 'PM2_5',
      });
    });
    expect(stored[10]!.aqi).toBe(128);

    const station = await gql<{ station: { airQuality: unknown } }>(
      `{ station(code: "BP-KK-PL01") { airQuality { aqi category { level nameVi color } dominant hour } } }`,
    );
    expect(station.errors).toBeUndefined();
    expect(station.data!.station.airQuality).toEqual({
      aqi: 128,
      category: { level: 3, nameVi: 'Kém', color: '#FF7E00' },
      dominant: 'PM2_5',
      hour: '2026-11-23T11:00:00.000Z',
    });
  });

  it('buckets a series by Asia/Ho_Chi_Minh days: 16:30Z and 17:30Z fall on two local days', async () => {
    const result = await ingest('mua-tu-dong', [
      { stationCode: 'BP-MUA-DX', metric: 'RAINFALL', value: 10, measuredAt: '2026-11-20T16:30:00Z', sourceId: 'dx-1' },
      { stationCode: 'BP-MUA-DX', metric: 'RAINFALL', value: 4, measuredAt: '2026-11-20T17:30:00Z', sourceId: 'dx-2' },
      { stationCode: 'BP-MUA-DX', metric: 'RAINFALL', value: 6, measuredAt: '2026-11-20T18:15:00Z', sourceId: 'dx-3' },
      { stationCode: 'BP-MUA-LN', metric: 'RAINFALL', value: 30, measuredAt: '2026-11-20T16:45:00Z', sourceId: 'ln-1' },
    ]);
    expect(result.data!.ingestReadings.stored).toBe(4);
    type Series = { metricSeries: { bucketStart: string; average: number; min: number; max: number; count: number }[] };
    const SERIES = `query ($unit: ID, $bucket: SeriesBucket!) {
      metricSeries(metric: RAINFALL, withinUnitId: $unit, from: "2026-11-19T17:00:00Z", to: "2026-11-21T17:00:00Z", bucket: $bucket) { bucketStart average min max count }
    }`;
    const days = await gql<Series>(SERIES, { unit: demoId('unit', '689'), bucket: 'DAY' });
    expect(days.errors).toBeUndefined();
    expect(days.data!.metricSeries).toEqual([
      { bucketStart: '2026-11-19T17:00:00.000Z', average: 10, min: 10, max: 10, count: 1 },
      { bucketStart: '2026-11-20T17:00:00.000Z', average: 5, min: 4, max: 6, count: 2 },
    ]);
    const province = await gql<Series>(SERIES, { unit: demoId('unit', '70'), bucket: 'DAY' });
    expect(province.data!.metricSeries[0]).toEqual({ bucketStart: '2026-11-19T17:00:00.000Z', average: 20, min: 10, max: 30, count: 2 });
    const hours = await gql<Series>(SERIES, { unit: demoId('unit', '689'), bucket: 'HOUR' });
    expect(hours.data!.metricSeries.map((p: { bucketStart: string }) => p.bucketStart)).toEqual([
      '2026-11-20T16:00:00.000Z',
      '2026-11-20T17:00:00.000Z',
      '2026-11-20T18:00:00.000Z',
    ]);
    const month = await gql<Series>(SERIES, { unit: null, bucket: 'MONTH' });
    expect(month.data!.metricSeries).toEqual([{ bucketStart: '2026-10-31T17:00:00.000Z', average: 12.5, min: 4, max: 30, count: 4 }]);
    // One station's series (the open readings dataset), and none for a code that is no station's.
    const STATION = `query ($code: String) {
      metricSeries(metric: RAINFALL, stationCode: $code, from: "2026-11-19T17:00:00Z", to: "2026-11-21T17:00:00Z", bucket: MONTH) { average count }
    }`;
    expect((await gql<Series>(STATION, { code: 'BP-MUA-LN' })).data!.metricSeries).toEqual([{ average: 30, count: 1 }]);
    expect((await gql<Series>(STATION, { code: 'BP-MUA-DX' })).data!.metricSeries).toEqual([{ average: 20 / 3, count: 3 }]);
    expect((await gql<Series>(STATION, { code: 'NO-SUCH-STATION' })).data!.metricSeries).toEqual([]);
  });

  it('extends AdministrativeUnit with the worst current station AQI of its subtree, in one statement for all units', async () => {
    // Now 12:20Z: Phước Long's 11:00Z hour is current; the bulk ingest's stations (18–20 Nov) are not.
    const units = ['70', '688', '689', '692'].map((code) => demoId('unit', code));
    statements.splice(0);
    const result = await gql<{ _entities: { airQuality: unknown }[] }>(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on AdministrativeUnit { id airQuality { aqi dominant hour category { level } station { code } } } } }`,
      { representations: units.map((id) => ({ __typename: 'AdministrativeUnit', id })) },
    );
    expect(result.errors).toBeUndefined();
    const current = {
      aqi: 128,
      dominant: 'PM2_5',
      hour: '2026-11-23T11:00:00.000Z',
      category: { level: 3 },
      station: { code: 'BP-KK-PL01' },
    };
    expect(result.data!._entities.map((e: { airQuality: unknown }) => e.airQuality)).toEqual([current, current, null, null]);
    expect(statements.filter((s) => /station_aqi/.test(s))).toHaveLength(1);
    expect(statements.length).toBeLessThanOrEqual(2);

    clock.set('2026-11-23T15:30:00Z'); // more than 3 hours later: nothing current
    const later = await gql<{ _entities: unknown[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { airQuality { aqi } } } }`,
      { r: [{ __typename: 'AdministrativeUnit', id: units[1] }] },
    );
    expect(later.data!._entities).toEqual([{ airQuality: null }]);
    clock.set(NOW);
  });
});
