import { demoId } from '@ioc-graph/directory';
import { execute, startHub, type Hub } from '../../../test/support/hub';
import { dailyAqi } from '../src/aqi/vnAqi';

/**
 * A station's daily VN_AQI for a local day and the flood watch of the water level gauges. Readings go in
 * through the gateway; the new fields are read from the environment subgraph directly (signed as the
 * gateway would, for a public caller) until the supergraph is composed with them.
 */
describe('environment: daily VN_AQI and flood watch', () => {
  let hub: Hub;
  let seq = 0;
  beforeAll(async () => {
    hub = await startHub({}, { now: '2026-11-23T03:10:00Z' });
  });
  afterAll(() => hub?.stop());

  const INGEST = `mutation ($input: IngestReadingsInput!) { ingestReadings(input: $input) { received stored duplicates } }`;
  const ingest = async (readings: { stationCode: string; metric: string; value: number; measuredAt: string }[]) => {
    const input = { source: 'quan-trac-tu-dong', readings: readings.map((r, i) => ({ ...r, sourceId: `fw-${++seq}-${i}` })) };
    const result = await execute<{ ingestReadings: { stored: number } }, unknown>(
      hub.gatewayUrl,
      INGEST,
      { input },
      { token: hub.tokens.SYSTEM },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.ingestReadings.stored).toBe(readings.length);
  };
  /** The station fields and flood watch entries the tests read; the queries are written inline, so codegen does not type them. */
  type Watch = { station: { dailyAqi: unknown }; floodWatch: { station: { code: string }; alarm: string }[] };
  const publicQuery = (query: string, variables: Record<string, unknown> = {}) => execute<Watch, unknown>(hub.gatewayUrl, query, variables);

  const DAILY = `query ($code: String!, $date: String!) { station(code: $code) { dailyAqi(date: $date) { date aqi dominant category { level nameVi nameEn color } } } }`;

  it('computes the daily VN_AQI of a local day (Asia/Ho_Chi_Minh, UTC+7) from its hourly averages', async () => {
    const pm = (measuredAt: string, value: number) => ({ stationCode: 'BP-KK-DX01', metric: 'PM2_5', value, measuredAt });
    await ingest([
      pm('2026-11-21T16:30:00Z', 200), // 23:30 on 21/11 local: the day before
      pm('2026-11-21T17:10:00Z', 40), // 00:10 on 22/11 local: the first hour of the day
      pm('2026-11-22T05:00:00Z', 30), // 12:00–12:59 local: two readings, hourly average 40
      pm('2026-11-22T05:30:00Z', 50),
      pm('2026-11-22T16:20:00Z', 60), // 23:20 on 22/11 local: the last hour of the day
      pm('2026-11-22T17:05:00Z', 300), // 00:05 on 23/11 local: the next day
      // Ozone: 8 consecutive hours (08:00–15:59 local) at 150 µg/m³.
      ...Array.from({ length: 8 }, (_, k) => ({
        stationCode: 'BP-KK-DX01',
        metric: 'O3',
        value: 150,
        measuredAt: new Date(Date.parse('2026-11-22T01:15:00Z') + k * 3_600_000).toISOString(),
      })),
    ]);

    // 22/11: PM2.5 24-hour average = mean of the hourly averages (40, 40, 60) = 46.67 → sub-index 93.3 (not the
    // raw mean 45 → 90); O3 1-hour max 150 → 46.9; O3 8-hour max 150 → 100 + (150 − 120)·50/50 = 130 decides.
    const day = await publicQuery(DAILY, { code: 'BP-KK-DX01', date: '2026-11-22' });
    expect(day.errors).toBeUndefined();
    expect(day.data!.station.dailyAqi).toEqual({
      date: '2026-11-22',
      aqi: 130,
      dominant: 'O3_8hMax',
      category: { level: 3, nameVi: 'Kém', nameEn: 'Poor', color: '#FF7E00' },
    });
    expect(dailyAqi({ PM2_5: (40 + 40 + 60) / 3, O3_1hMax: 150, O3_8hMax: 150 })).toMatchObject({ aqi: 130, dominant: 'O3_8hMax' });

    // The readings across midnight count for their own local days.
    const before = await publicQuery(DAILY, { code: 'BP-KK-DX01', date: '2026-11-21' });
    expect(before.data!.station.dailyAqi).toMatchObject({ aqi: 250, dominant: 'PM2_5', category: { level: 5 } }); // 200 → 200 + (200 − 150)·100/100
    const after = await publicQuery(DAILY, { code: 'BP-KK-DX01', date: '2026-11-23' });
    expect(after.data!.station.dailyAqi).toMatchObject({ aqi: 350, dominant: 'PM2_5', category: { level: 6, nameVi: 'Nguy hại' } }); // 300 → 300 + (300 − 250)·100/100

    // No PM data that day: null; not a date: BAD_USER_INPUT naming `date`.
    expect((await publicQuery(DAILY, { code: 'BP-KK-DX01', date: '2026-11-20' })).data!.station.dailyAqi).toBeNull();
    const bad = await publicQuery(DAILY, { code: 'BP-KK-DX01', date: '2026-02-30' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((bad.errors![0]!.extensions!.problems as { field: string }[]).map((p) => p.field)).toEqual(['date']);
  });

  it('lists the water level gauges with their latest level and the alarm reached, highest first', async () => {
    await ingest([
      { stationCode: 'BP-TV-THACMO', metric: 'WATER_LEVEL', value: 218.2, measuredAt: '2026-11-23T01:00:00Z' }, // older: level III
      { stationCode: 'BP-TV-THACMO', metric: 'WATER_LEVEL', value: 217.6, measuredAt: '2026-11-23T02:00:00Z' }, // latest: 217.5 ≤ 217.6 < 218.0
      { stationCode: 'BP-TV-DP', metric: 'WATER_LEVEL', value: 35.2, measuredAt: '2026-11-23T02:30:00Z' }, // 35.0 ≤ 35.2 < 36.5
      { stationCode: 'BP-TV-PL', metric: 'WATER_LEVEL', value: 119.8, measuredAt: '2026-11-23T02:45:00Z' }, // below 120.5
    ]);
    const WATCH = `query ($unit: ID) { floodWatch(withinUnitId: $unit) { station { code } waterLevel measuredAt alarmLevels { level1 level2 level3 } alarm } }`;
    const all = await publicQuery(WATCH);
    expect(all.errors).toBeUndefined();
    expect(all.data!.floodWatch).toEqual([
      {
        station: { code: 'BP-TV-THACMO' },
        waterLevel: 217.6,
        measuredAt: '2026-11-23T02:00:00.000Z',
        alarmLevels: { level1: 216.5, level2: 217.5, level3: 218 },
        alarm: 'LEVEL_II',
      },
      {
        station: { code: 'BP-TV-DP' },
        waterLevel: 35.2,
        measuredAt: '2026-11-23T02:30:00.000Z',
        alarmLevels: { level1: 35, level2: 36.5, level3: 38 },
        alarm: 'LEVEL_I',
      },
      {
        station: { code: 'BP-TV-PL' },
        waterLevel: 119.8,
        measuredAt: '2026-11-23T02:45:00.000Z',
        alarmLevels: { level1: 120.5, level2: 122, level3: 123.5 },
        alarm: 'NONE',
      },
    ]);
    const phuocLong = await publicQuery(WATCH, { unit: demoId('unit', '688') });
    expect(phuocLong.data!.floodWatch.map((e: { station: { code: string }; alarm: string }) => [e.station.code, e.alarm])).toEqual([
      ['BP-TV-THACMO', 'LEVEL_II'],
      ['BP-TV-PL', 'NONE'],
    ]);
  });

  it('sums up each unit’s gauges and the highest alarm they reach, for many units in one statement', async () => {
    // After the previous test: Thác Mơ at level II (Phước Long, 688), Đồng Phú's gauge at level I.
    const UNITS = `{ administrativeUnitByCode(code: "70") { water { gauges alarm worst { station { code } waterLevel alarm } }
      children { code water { gauges alarm worst { station { code } } } } } }`;
    type Unit = { code?: string; water: { gauges: number; alarm: string; worst: { station: { code: string } } | null } };
    hub.resetStatements();
    const answer = await execute<{ administrativeUnitByCode: Unit & { children: Unit[] } }, unknown>(hub.gatewayUrl, UNITS, {});
    expect(answer.errors).toBeUndefined();
    const province = answer.data!.administrativeUnitByCode;
    expect(province.water).toEqual({
      gauges: 3,
      alarm: 'LEVEL_II',
      worst: { station: { code: 'BP-TV-THACMO' }, waterLevel: 217.6, alarm: 'LEVEL_II' },
    });
    const byCode = new Map(province.children.map((child) => [child.code, child.water]));
    expect(byCode.get('688')).toEqual({ gauges: 2, alarm: 'LEVEL_II', worst: { station: { code: 'BP-TV-THACMO' } } });
    expect(byCode.get('689')).toEqual({ gauges: 0, alarm: 'NONE', worst: null });
    // The province and its eleven children: one statement for the gauges of each level of the tree, one for the gauges' stations.
    expect(province.children.length).toBeGreaterThan(5);
    const gaugeStatements = hub.environmentStatements.filter((sql) => sql.includes('latest_reading'));
    expect(gaugeStatements).toHaveLength(2);
  });
});
