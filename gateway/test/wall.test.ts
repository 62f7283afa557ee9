import { EnvironmentIngestDocument, WallDocument, WallUnitsDocument } from '../../__generated__/graphql';
import { execute, startHub, type Hub } from '../../test/support/hub';

/**
 * The wall screen's one query: a unit and its children with their incidents, air, water, traffic,
 * health, security, urban order and public services, through the gateway in one request that asks each
 * subgraph at most once, and whose SQL statements do not grow with the number of units.
 */
describe('the wall: units across every sector in one request', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await startHub({}, { now: '2026-11-23T03:10:00Z' });
    // Three hours of PM2.5 at the Đồng Xoài station, the last one 20 minutes ago: a current AQI.
    const readings = [48, 52, 61].map((value, i) => ({
      stationCode: 'BP-KK-DX01',
      metric: 'PM2_5' as const,
      value,
      measuredAt: new Date(Date.parse('2026-11-23T00:50:00Z') + i * 3_600_000).toISOString(),
      sourceId: `wall-pm25-${i}`,
    }));
    const ingested = await execute(
      hub.gatewayUrl,
      EnvironmentIngestDocument,
      { input: { source: 'quan-trac-tu-dong', readings } },
      { token: hub.tokens.SYSTEM },
    );
    expect(ingested.errors).toBeUndefined();
  });
  afterAll(() => hub?.stop());

  /** Operations named `operation` each subgraph has been sent by the gateway (`<operation>__<subgraph>__<n>`), from its metrics. */
  async function callsOf(operation: string): Promise<Record<string, number>> {
    const calls: Record<string, number> = {};
    for (const [name, subgraph] of Object.entries(hub.subgraphs)) {
      const text = await (await fetch(new URL('/metrics', subgraph.url))).text();
      const pattern = new RegExp(`^graphql_requests_total\\{[^}]*operation="${operation}__${name}__\\d+"[^}]*\\} (\\d+)`, 'gm');
      calls[name] = [...text.matchAll(pattern)].reduce((sum, [, n]) => sum + Number(n), 0);
    }
    return calls;
  }

  const SECTORS = ['incidentStats', 'water', 'traffic', 'health', 'security', 'urban', 'publicServices'] as const;

  it('answers the province and its children with every sector filled in, asking each subgraph once', async () => {
    const before = await callsOf('Wall');
    const answer = await execute(hub.gatewayUrl, WallDocument, { code: '70' }, { token: hub.tokens.LEADER });
    expect(answer.errors).toBeUndefined();
    const units = answer.data!.administrativeUnitByCode!.selfAndChildren;
    expect(units[0]!.nameVi).toBe('Tỉnh Bình Phước');
    expect(units.length).toBeGreaterThanOrEqual(12); // the province and its eleven district-level units
    for (const unit of units)
      for (const sector of SECTORS) expect([unit.code, sector, unit[sector]]).not.toEqual([unit.code, sector, null]);
    // Air quality is there where a station has a current AQI: the province and Đồng Xoài.
    const byCode = new Map(units.map((unit) => [unit.code, unit]));
    expect(byCode.get('70')!.airQuality).toMatchObject({ dominant: 'PM2_5' });
    expect(byCode.get('689')!.airQuality).toEqual(byCode.get('70')!.airQuality);
    expect(byCode.get('70')!.health!.facilities).toBeGreaterThan(byCode.get('689')!.health!.facilities);
    expect(byCode.get('70')!.water!.gauges).toBeGreaterThan(0);

    const after = await callsOf('Wall');
    const calls = Object.fromEntries(Object.keys(after).map((name) => [name, after[name]! - (before[name] ?? 0)]));
    expect(calls).toEqual({
      directory: 1,
      incidents: 1,
      dispatch: 0,
      command: 0,
      environment: 1,
      traffic: 1,
      health: 1,
      security: 1,
      urban: 1,
      egov: 1,
      partners: 0,
    });
  });

  it('sends no more SQL statements for 50 units than for one', async () => {
    const everyUnit = await execute(hub.gatewayUrl, WallUnitsDocument, { first: 1, filter: {} }, { token: hub.tokens.LEADER });
    const count = everyUnit.data!.administrativeUnits.totalCount;
    expect(count).toBeGreaterThanOrEqual(45); // every demo unit: the province, its districts, their communes and wards
    const statementsFor = async (first: number, filter: Record<string, unknown>) => {
      hub.resetStatements();
      const answer = await execute(hub.gatewayUrl, WallUnitsDocument, { first, filter }, { token: hub.tokens.LEADER });
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.administrativeUnits.edges.length).toBe(Math.min(first, count));
      return Object.fromEntries(Object.entries(hub.statementsOf).map(([name, list]) => [name, list.length]));
    };
    // The province (all of the data under it) alone, then up to 50 units of every level.
    const one = await statementsFor(1, { level: 'PROVINCE' });
    const fifty = await statementsFor(50, {});
    for (const name of Object.keys(one)) expect([name, fifty[name]]).toEqual([name, one[name]]);
    expect(one.health).toBeGreaterThan(0);
    expect(one.egov).toBeGreaterThan(0);
  });
});
