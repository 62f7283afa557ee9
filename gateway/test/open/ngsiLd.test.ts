import { Role } from '@ioc-graph/platform';
import { startHub, type Hub } from '../../../test/support/hub';
import { person } from '../../../test/support/identities';

type Entity = Record<string, unknown> & { id: string; type: string };
interface Problem {
  type: string;
  title: string;
  detail: string;
  code: string;
}

const AIR = 'urn:ngsi-ld:AirQualityObserved:BP-KK-DX01';
const GAUGE = 'urn:ngsi-ld:WaterObserved:BP-TV-THACMO';
const CONGESTED = 'urn:ngsi-ld:TrafficFlowObserved:BP-CAM-VXDX';
const SDM_LINK = '<https://smartdatamodels.org/context.jsonld>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"';

/**
 * `/ngsi-ld/v1/entities`: the hub's air stations, water level gauges and traffic cameras as Smart Data
 * Models entities (ETSI GS CIM 009), read through the gateway's persisted operations. Every context is a
 * URL in the answer, never fetched: the suite talks to the hub on loopback only.
 */
describe('NGSI-LD read API', () => {
  let hub: Hub;
  let origin: string;
  let seq = 0;
  // The hub's clock stands at 2026-11-23T01:00Z: observations are sent for the hour before it.
  const hour = new Date('2026-11-23T00:00:00Z');
  const minutesIntoHour = (minutes: number) => new Date(hour.getTime() + minutes * 60_000).toISOString();

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${origin}${path}`, { headers });
  const entities = async (path: string, headers: Record<string, string> = {}) => {
    const response = await get(path, headers);
    expect(response.status).toBe(200);
    return (await response.json()) as Entity[];
  };
  const ingest = async (path: string, source: string, items: unknown[]) => {
    const response = await fetch(new URL(`/ingest/v1/${path}?source=${source}`, hub.gatewayUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${hub.tokens.SYSTEM}` },
      body: items.map((item) => JSON.stringify(item)).join('\n') + '\n',
    });
    const body = await response.text();
    expect(`${response.status} ${body}`).toMatch(/^200 /);
  };
  const reading = (stationCode: string, metric: string, value: number, minute: number) => ({
    stationCode,
    metric,
    value,
    measuredAt: minutesIntoHour(minute),
    sourceId: `ngsi-ld-${++seq}`,
  });

  beforeAll(async () => {
    hub = await startHub({ RATE_LIMIT_PER_MINUTE: '0' });
    origin = new URL(hub.gatewayUrl).origin;
    // The demo data has stations and cameras but no recent observations: send some, as the sector systems do.
    await ingest('readings', 'ngsi-ld-test', [
      // The hourly VN_AQI of PM2.5 is a NowCast: it needs two of the last three hours.
      reading('BP-KK-DX01', 'PM2_5', 80, -30),
      reading('BP-KK-DX01', 'PM2_5', 80, 0),
      reading('BP-KK-DX01', 'PM2_5', 90, 1),
      reading('BP-KK-DX01', 'PM10', 120, 1),
      reading('BP-TV-THACMO', 'WATER_LEVEL', 217.6, 0),
    ]);
    await ingest('detections', 'ngsi-ld-test', [
      {
        cameraCode: 'BP-CAM-VXDX',
        kind: 'CONGESTION',
        plate: null,
        imageUrl: 'https://camera.example.vn/evidence/1.jpg',
        confidence: 0.95,
        detectedAt: minutesIntoHour(59),
        sourceId: `ngsi-ld-det-${++seq}`,
      },
    ]);
  }, 60_000);
  afterAll(async () => {
    await hub?.stop();
  });

  it('serves air stations as AirQualityObserved in normalized form, with the context in a Link header', async () => {
    const response = await get('/ngsi-ld/v1/entities?type=AirQualityObserved&limit=100');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('link')).toBe(SDM_LINK);
    const all = (await response.json()) as Entity[];
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(all.every((entity) => entity.type === 'AirQualityObserved' && entity.id.startsWith('urn:ngsi-ld:AirQualityObserved:'))).toBe(
      true,
    );
    const station = all.find((entity) => entity.id === AIR)!;
    expect(station.location).toEqual({ type: 'GeoProperty', value: { type: 'Point', coordinates: [106.8942, 11.5365] } });
    expect(station.dateObserved).toEqual({ type: 'Property', value: { '@type': 'DateTime', '@value': hour.toISOString() } });
    expect(station.airQualityIndex).toEqual({ type: 'Property', value: expect.any(Number), observedAt: hour.toISOString() });
    expect((station.airQualityIndex as { value: number }).value).toBeGreaterThan(100);
    expect(station.airQualityLevel).toMatchObject({ type: 'Property', value: expect.stringMatching(/^(poor|bad|very bad|hazardous)$/) });
    expect(station.name).toEqual({ type: 'Property', value: expect.stringMatching(/Đồng Xoài/) });
    expect(station.address).toMatchObject({ type: 'Property', value: { addressCountry: 'VN', addressLocality: expect.any(String) } });
    // Pollutant concentrations are staff-only readings in the hub: no entity carries them.
    expect(station).not.toHaveProperty('pm25');
  });

  it('serves the simplified form for options=keyValues and format=simplified', async () => {
    const [station] = await entities(`/ngsi-ld/v1/entities?type=AirQualityObserved&id=${AIR}&options=keyValues`);
    expect(station).toMatchObject({
      id: AIR,
      type: 'AirQualityObserved',
      location: { type: 'Point', coordinates: [106.8942, 11.5365] },
      dateObserved: { '@type': 'DateTime', '@value': hour.toISOString() },
      airQualityIndex: expect.any(Number),
      airQualityLevel: expect.any(String),
    });
    expect(await entities(`/ngsi-ld/v1/entities?type=AirQualityObserved&id=${AIR}&format=simplified`)).toEqual([station]);
  });

  it('serves water level gauges as WaterObserved with height in metres and the flood alarm they reach', async () => {
    const gauges = await entities('/ngsi-ld/v1/entities?type=WaterObserved');
    expect(gauges.map((gauge) => gauge.id).sort()).toEqual(
      ['BP-TV-DP', 'BP-TV-PL', 'BP-TV-THACMO'].map((code) => `urn:ngsi-ld:WaterObserved:${code}`),
    );
    const gauge = gauges.find((each) => each.id === GAUGE)!;
    expect(gauge.height).toEqual({ type: 'Property', value: 217.6, unitCode: 'MTR', observedAt: minutesIntoHour(0) });
    expect(gauge.alarmLevel).toMatchObject({ type: 'Property', value: 'LEVEL_II' });
    expect(gauge.alarmThresholds).toEqual({ type: 'Property', value: { level1: 216.5, level2: 217.5, level3: 218 }, unitCode: 'MTR' });
    expect(gauge.location).toEqual({ type: 'GeoProperty', value: { type: 'Point', coordinates: [107.0021, 11.8472] } });
  });

  it('serves traffic cameras as TrafficFlowObserved, congested when their analytics saw congestion within the hour', async () => {
    const cameras = await entities('/ngsi-ld/v1/entities?type=TrafficFlowObserved&options=keyValues&limit=100');
    const camera = cameras.find((each) => each.id === CONGESTED)!;
    expect(camera).toMatchObject({
      congested: true,
      location: { type: 'Point', coordinates: [106.8921, 11.5357] },
      address: { streetAddress: 'QL14', addressCountry: 'VN' },
      dateObserved: { '@type': 'DateTime' },
    });
    const congested = await entities('/ngsi-ld/v1/entities?type=TrafficFlowObserved&q=congested==true&options=keyValues');
    expect(congested.map((each) => each.id)).toEqual([CONGESTED]);
  });

  it('inlines the @context for Accept: application/ld+json, and has no Link header then', async () => {
    const response = await get(`/ngsi-ld/v1/entities/${GAUGE}`, { accept: 'application/ld+json' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    expect(response.headers.get('link')).toBeNull();
    const gauge = (await response.json()) as Entity;
    expect(gauge['@context']).toEqual([
      'https://smartdatamodels.org/context.jsonld',
      'https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld',
    ]);
    const refused = await get(`/ngsi-ld/v1/entities/${GAUGE}`, { accept: 'text/html' });
    expect(refused.status).toBe(406);
  });

  it('reads an entity by id, and answers ResourceNotFound or BadRequestData problem details otherwise', async () => {
    const response = await get(`/ngsi-ld/v1/entities/${encodeURIComponent(AIR)}?attrs=airQualityIndex,location`);
    expect(response.status).toBe(200);
    expect(response.headers.get('link')).toBe(SDM_LINK);
    expect(Object.keys((await response.json()) as Entity).sort()).toEqual(['airQualityIndex', 'id', 'location', 'type']);

    const missing = await get('/ngsi-ld/v1/entities/urn:ngsi-ld:AirQualityObserved:BP-NOWHERE');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await missing.json()) as Problem).toMatchObject({
      type: 'https://uri.etsi.org/ngsi-ld/errors/ResourceNotFound',
      title: expect.any(String),
      detail: expect.stringContaining('BP-NOWHERE'),
    });
    const malformed = await get('/ngsi-ld/v1/entities/not%20a%20uri');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as Problem).type).toBe('https://uri.etsi.org/ngsi-ld/errors/BadRequestData');
  });

  it('filters by q: comparisons of numbers, text and DateTimes joined by ;', async () => {
    const ids = async (q: string) =>
      (await entities(`/ngsi-ld/v1/entities?type=AirQualityObserved&q=${encodeURIComponent(q)}`)).map((each) => each.id);
    expect(await ids('airQualityIndex>100')).toContain(AIR);
    expect(await ids('airQualityIndex>100;airQualityIndex<=0')).toEqual([]);
    expect(await ids(`dateObserved>=${hour.toISOString()};airQualityIndex!=0`)).toContain(AIR);
    expect(await ids('name=="no such station"')).toEqual([]);
    const gauges = await entities(`/ngsi-ld/v1/entities?type=WaterObserved&q=${encodeURIComponent('alarmLevel=="LEVEL_II";height>=217')}`);
    expect(gauges.map((each) => each.id)).toEqual([GAUGE]);
  });

  it.each([
    ['airQualityIndex>100|pm25>3'],
    ['(airQualityIndex>100)'],
    ['airQualityIndex~=abc'],
    ['airQualityIndex==1..5'],
    ['address.addressLocality=="x"'],
    ['airQualityIndex>abc'],
    ['congested>true'],
    ['name=="unclosed'],
    [''],
  ])('refuses q=%s with 400 BadRequestData', async (q) => {
    const response = await get(`/ngsi-ld/v1/entities?type=AirQualityObserved&q=${encodeURIComponent(q)}`);
    expect(response.status).toBe(400);
    const problem = (await response.json()) as Problem;
    expect(problem).toMatchObject({ type: 'https://uri.etsi.org/ngsi-ld/errors/BadRequestData', code: 'BAD_USER_INPUT' });
    expect(problem.detail).not.toMatch(/\n\s+at /);
  });

  it('finds a station near a point and none near a far one, and within a polygon', async () => {
    const near = (lon: number, lat: number, metres: number) =>
      entities(
        `/ngsi-ld/v1/entities?type=AirQualityObserved&georel=near;maxDistance==${metres}&geometry=Point&coordinates=[${lon},${lat}]`,
      );
    expect((await near(106.895, 11.537, 500)).map((each) => each.id)).toEqual([AIR]);
    expect(await near(105.8542, 21.0285, 2000)).toEqual([]);
    const polygon = JSON.stringify([
      [
        [106.88, 11.53],
        [106.9, 11.53],
        [106.9, 11.54],
        [106.88, 11.54],
        [106.88, 11.53],
      ],
    ]);
    const within = await entities(
      `/ngsi-ld/v1/entities?type=AirQualityObserved,TrafficFlowObserved&georel=within&geometry=Polygon&coordinates=${encodeURIComponent(polygon)}`,
    );
    expect(within.map((each) => each.id)).toEqual([AIR, CONGESTED]);
  });

  it('pages with limit and offset, and counts every match with count=true', async () => {
    const all = await entities('/ngsi-ld/v1/entities?type=AirQualityObserved&limit=1000');
    const first = await get('/ngsi-ld/v1/entities?type=AirQualityObserved&limit=2&count=true');
    expect(first.headers.get('ngsi-ld-results-count')).toBe(String(all.length));
    const second = await entities('/ngsi-ld/v1/entities?type=AirQualityObserved&limit=2&offset=2');
    expect([...((await first.json()) as Entity[]), ...second].map((each) => each.id)).toEqual(all.slice(0, 4).map((each) => each.id));
    const countOnly = await get('/ngsi-ld/v1/entities?type=AirQualityObserved&limit=0&count=true');
    expect(countOnly.headers.get('ngsi-ld-results-count')).toBe(String(all.length));
    expect(await countOnly.json()).toEqual([]);
    expect((await get('/ngsi-ld/v1/entities?type=AirQualityObserved')).headers.get('ngsi-ld-results-count')).toBeNull();
    expect(await entities('/ngsi-ld/v1/entities?type=AirQualityObserved')).toHaveLength(Math.min(20, all.length));
  });

  it.each([
    ['/ngsi-ld/v1/entities', 400, 'BadRequestData'],
    ['/ngsi-ld/v1/entities?type=AirQualityObserved&limit=1001', 400, 'BadRequestData'],
    ['/ngsi-ld/v1/entities?type=AirQualityObserved&limit=0', 400, 'BadRequestData'],
    ['/ngsi-ld/v1/entities?type=AirQualityObserved&offset=-1', 400, 'BadRequestData'],
    ['/ngsi-ld/v1/entities?type=AirQualityObserved&colour=red', 400, 'BadRequestData'],
    ['/ngsi-ld/v1/entities?type=AirQualityObserved&type=WaterObserved', 400, 'BadRequestData'],
    ['/ngsi-ld/v1/entities?type=Air|Water', 400, 'BadRequestData'],
    ['/ngsi-ld/v1/entities?type=AirQualityObserved&options=sysAttrs', 400, 'BadRequestData'],
    ['/ngsi-ld/v1/entities?type=AirQualityObserved&count=yes', 400, 'BadRequestData'],
    ['/ngsi-ld/v1/entities?id=not-a-uri', 400, 'BadRequestData'],
    [
      '/ngsi-ld/v1/entities?type=AirQualityObserved&georel=near;maxDistance==500&geometry=Point&coordinates=[200,11]',
      400,
      'BadRequestData',
    ],
    [
      '/ngsi-ld/v1/entities?type=AirQualityObserved&georel=near;maxDistance==500&geometry=Point&coordinates=nonsense',
      400,
      'BadRequestData',
    ],
    [
      '/ngsi-ld/v1/entities?type=AirQualityObserved&georel=near;maxDistance==500&geometry=Polygon&coordinates=[106,11]',
      400,
      'BadRequestData',
    ],
    ['/ngsi-ld/v1/entities?type=AirQualityObserved&georel=near&geometry=Point&coordinates=[106,11]', 400, 'BadRequestData'],
    [
      '/ngsi-ld/v1/entities?type=AirQualityObserved&georel=within&geometry=Polygon&coordinates=[[[106,11],[107,11],[107,12]]]',
      400,
      'BadRequestData',
    ],
    [
      '/ngsi-ld/v1/entities?type=AirQualityObserved&georel=disjoint&geometry=Polygon&coordinates=[[[106,11],[107,11],[107,12],[106,11]]]',
      501,
      'OperationNotSupported',
    ],
    ['/ngsi-ld/v1/entities?type=AirQualityObserved&geometry=Point&coordinates=[106,11]', 400, 'BadRequestData'],
    [`/ngsi-ld/v1/entities?type=AirQualityObserved&q=${'a'.repeat(1001)}==1`, 400, 'BadRequestData'],
    ['/ngsi-ld/v1/temporal/entities?type=AirQualityObserved', 501, 'OperationNotSupported'],
    ['/ngsi-ld/v1/subscriptions', 501, 'OperationNotSupported'],
  ])('refuses %s with %i %s problem details', async (path, status, problem) => {
    const response = await get(path);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await response.json()) as Problem).type).toBe(`https://uri.etsi.org/ngsi-ld/errors/${problem}`);
  });

  it('writes nothing: POST, PATCH and DELETE answer OperationNotSupported', async () => {
    for (const method of ['POST', 'PATCH', 'DELETE']) {
      const response = await fetch(`${origin}/ngsi-ld/v1/entities${method === 'POST' ? '' : `/${AIR}`}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: 'urn:ngsi-ld:AirQualityObserved:X', type: 'AirQualityObserved' }),
      });
      expect(response.status).toBe(501);
      expect(((await response.json()) as Problem).type).toBe('https://uri.etsi.org/ngsi-ld/errors/OperationNotSupported');
    }
    expect(await entities('/ngsi-ld/v1/entities?id=urn:ngsi-ld:AirQualityObserved:X')).toEqual([]);
  });

  it('answers every role and the public alike, and an unknown type with no entities', async () => {
    const expected = (await entities('/ngsi-ld/v1/entities?type=WaterObserved&options=keyValues')).map((each) => each.id);
    const tokens = { ...hub.tokens, PARTNER: await hub.tokenFor(person('partner-x', Role.PARTNER)) };
    for (const role of Object.values(Role)) {
      const seen = await entities('/ngsi-ld/v1/entities?type=WaterObserved&options=keyValues', { authorization: `Bearer ${tokens[role]}` });
      expect({ role, ids: seen.map((each) => each.id) }).toEqual({ role, ids: expected });
    }
    expect(await entities('/ngsi-ld/v1/entities?type=Vehicle')).toEqual([]);
  });

  it('renders admission refusals as problem details too: a bad token or an unknown API key is 401', async () => {
    const attempts: Record<string, string>[] = [{ authorization: 'Bearer nonsense' }, { 'x-api-key': `iocg_${'a'.repeat(40)}` }];
    for (const headers of attempts) {
      const response = await get('/ngsi-ld/v1/entities?type=AirQualityObserved', headers);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect((await response.json()) as Problem).toMatchObject({ type: 'about:blank', title: 'Unauthorized', code: 'UNAUTHENTICATED' });
    }
  });
});
