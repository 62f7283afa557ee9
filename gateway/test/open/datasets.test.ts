import { demoId } from '@ioc-graph/directory';
import { categoryId } from '@ioc-graph/incidents';
import { Role } from '@ioc-graph/platform';
import {
  AcceptIncidentDocument,
  ApproveResultDocument,
  AssignAgencyDocument,
  OpenIncidentDocument,
  SubmitResultDocument,
} from '../../../__generated__/graphql';
import { ok } from '../../../test/support/graphql';
import { execute, startHub, type Hub } from '../../../test/support/hub';
import { person } from '../../../test/support/identities';
import { DATA_SERVICES } from '../../src/open/dataServices';
import { DATASETS } from '../../src/open/exports';

type Items = { items: Record<string, unknown>[]; next: string | null; licence: string };
type Collection = {
  type: string;
  features: { id: string; geometry: { coordinates: [number, number] }; properties: Record<string, unknown> }[];
};
type Refusal = { errors: { message: string; extensions: { code: string } }[] };

/** Where the hub says it is: the catalogue's links are absolute. */
const PUBLIC_URL = 'https://ioc.binhphuoc.gov.vn';
/** The window the ingested readings and reports fall in (the hub's clock stands at 2026-11-23T01:00Z). */
const FROM = '2026-11-22T00:00:00Z';
const TO = '2026-11-23T01:00:00Z';
/** Query strings that make each dataset answer the demo data and what this suite ingests. */
const QUERY: Record<string, string> = {
  readings: `station=BP-KK-DX01&from=${FROM}&to=${TO}`,
  // The seeded dengue history is of past years.
  health: 'from=2025-06-01T00:00:00Z&to=2025-12-01T00:00:00Z',
  security: 'from=2026-10-31T17:00:00Z&to=2026-11-30T17:00:00Z',
};
const withQuery = (name: string, extra = '') => [QUERY[name], extra].filter(Boolean).join('&');

/**
 * The open datasets of `/open/v1` (incidents, air quality, stations, readings, flood gauges, traffic, public
 * services, health, security) in each of their forms, and the DCAT-AP catalogue that lists them.
 */
describe('open datasets and the DCAT catalogue', () => {
  let hub: Hub;
  let origin: string;
  let partner: string;

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${origin}${path}`, { headers });
  const json = async <T>(path: string, headers: Record<string, string> = {}) => {
    const response = await get(path, headers);
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };

  const ingest = async (path: string, source: string, records: unknown[]) => {
    const response = await fetch(new URL(`${path}?source=${source}`, hub.gatewayUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${hub.tokens.SYSTEM}` },
      body: records.map((record) => JSON.stringify(record)).join('\n') + '\n',
    });
    expect(response.status).toBe(200);
  };

  /** Takes an incident through the construction department's result to publication. */
  const publish = async (title: string) => {
    hub.clock.advance(1);
    const gql = hub.gatewayUrl;
    const input = {
      categoryId: categoryId('URB_ILLEGAL_CONSTRUCTION'),
      title,
      description: `${title}: phản ánh qua đường dây nóng`,
      unitId: demoId('unit', 'BP-689-TANPHU'),
    };
    const operator = { token: hub.tokens.OPERATOR };
    const staff = { token: hub.tokens.AGENCY_STAFF };
    const opened = ok(await execute(gql, OpenIncidentDocument, { input }, operator)).openIncident;
    const assigned = ok(
      await execute(
        gql,
        AssignAgencyDocument,
        { id: opened.id, input: { expectedVersion: opened.version, agencyId: demoId('agency', 'SXD-BP') } },
        operator,
      ),
    ).assignAgency;
    const accepted = ok(
      await execute(gql, AcceptIncidentDocument, { id: opened.id, input: { expectedVersion: assigned.version } }, staff),
    ).acceptIncident;
    const submitted = ok(
      await execute(
        gql,
        SubmitResultDocument,
        { id: opened.id, input: { expectedVersion: accepted.version, result: `${title}: đã xử lý xong` } },
        staff,
      ),
    ).submitResult;
    hub.clock.advance(1);
    ok(await execute(gql, ApproveResultDocument, { id: opened.id, input: { expectedVersion: submitted.version } }, operator));
  };

  beforeAll(async () => {
    hub = await startHub({ RATE_LIMIT_PER_MINUTE: '0', PUBLIC_URL });
    origin = new URL(hub.gatewayUrl).origin;
    partner = await hub.tokenFor(person('partner-x', Role.PARTNER));
    // Readings of the last hours: PM for an air station's AQI, a gauge's water level, rain.
    const hours = [20, 21, 22, 23, 24].map((hour) => Date.parse('2026-11-22T00:00:00Z') + hour * 3_600_000 + 10 * 60_000);
    let seq = 0;
    const reading = (stationCode: string, metric: string, value: number, at: number) => ({
      stationCode,
      metric,
      value,
      measuredAt: new Date(at).toISOString(),
      sourceId: `datasets-${++seq}`,
    });
    await ingest('/ingest/v1/readings', 'quan-trac-tu-dong', [
      ...hours.flatMap((at) => [reading('BP-KK-DX01', 'PM2_5', 42, at), reading('BP-KK-DX01', 'PM10', 80, at)]),
      ...hours.map((at, i) => reading('BP-KK-DX02', 'PM2_5', 10 + i, at)),
      ...hours.map((at, i) => reading('BP-TV-THACMO', 'WATER_LEVEL', 200 + i, at)),
    ]);
    await ingest(
      '/ingest/v1/security-reports',
      'ca-binhphuoc-113',
      ['THEFT', 'THEFT', 'AFFRAY'].map((category, i) => ({
        communeCode: 'BP-689-TANPHU',
        category,
        channel: 'HOTLINE_113',
        place: 'Chợ Đồng Xoài',
        policeUnit: 'Công an phường Tân Phú',
        status: 'RECEIVED',
        reportedAt: `2026-11-22T0${i + 1}:00:00+07:00`,
        caseRef: `113-2026-00${i + 1}`,
        sourceId: `datasets-113-${i}`,
      })),
    );
    await publish('Xây dựng không phép đường Phú Riềng Đỏ');
    await publish('Lấn chiếm vỉa hè đường Trần Hưng Đạo');
    await publish('Bảng quảng cáo sai phép đường Lê Quý Đôn');
  });
  afterAll(async () => {
    await hub?.stop();
  });

  const named = (name: string) => DATASETS.find((dataset) => dataset.name === name)!;
  const forms = (name: string) => (named(name).place ? ['json', 'csv', 'geojson'] : ['json', 'csv']);
  const cases = DATASETS.filter((dataset) => dataset.name !== 'administrative-units').flatMap((dataset) =>
    forms(dataset.name).map((format) => [dataset.name, format] as const),
  );

  it.each(cases)('serves %s as %s with demo and ingested records', async (name, format) => {
    const response = await get(`/open/v1/${name}.${format}?${withQuery(name, 'limit=1000')}`);
    expect([response.status, response.status === 200 ? '' : await response.text()]).toEqual([200, '']);
    expect(response.headers.get('cache-control')).toBe(`public, max-age=${named(name).maxAgeSeconds}`);
    if (format === 'csv') {
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        named(name)
          .columns.map((column) => column.name)
          .join(','),
      );
      expect(lines.length).toBeGreaterThan(1);
    } else if (format === 'geojson') {
      expect(response.headers.get('content-type')).toMatch(/^application\/geo\+json/);
      const collection = (await response.json()) as Collection;
      expect(collection.type).toBe('FeatureCollection');
      expect(collection.features.length).toBeGreaterThan(0);
      for (const feature of collection.features) {
        // Bình Phước lies between 11.2°N and 12.3°N, 106.4°E and 107.5°E.
        const [longitude, latitude] = feature.geometry.coordinates;
        expect(latitude).toBeGreaterThan(11);
        expect(latitude).toBeLessThan(12.5);
        expect(longitude).toBeGreaterThan(106.2);
        expect(longitude).toBeLessThan(107.7);
      }
    } else {
      const body = (await response.json()) as Items;
      expect(body.licence).toMatch(/creativecommons/);
      expect(body.items.length).toBeGreaterThan(0);
      expect(Object.keys(body.items[0])).toEqual(named(name).columns.map((column) => column.name));
    }
  });

  it('publishes what the public reads: incidents as published, air quality, gauges, readings, health and security figures', async () => {
    const incidents = (await json<Items>('/open/v1/incidents.json')).items;
    expect(incidents).toHaveLength(3);
    expect(incidents[0]).toMatchObject({
      title: 'Bảng quảng cáo sai phép đường Lê Quý Đôn',
      category_code: 'URB_ILLEGAL_CONSTRUCTION',
      category_vi: expect.any(String),
      category_en: expect.any(String),
      unit_code: expect.any(String),
      published_at: expect.any(String),
    });
    const newest = await get('/open/v1/incidents.csv');
    expect(newest.headers.get('last-modified')).toBe(new Date(String(incidents[0].published_at)).toUTCString());

    const air = (await json<Items>('/open/v1/air-quality.json')).items;
    const dx01 = air.find((station) => station.station_code === 'BP-KK-DX01')!;
    expect(dx01).toMatchObject({ aqi: expect.any(Number), category_level: expect.any(Number), dominant: expect.any(String) });

    const gauges = (await json<Items>('/open/v1/flood-gauges.json')).items;
    expect(gauges.find((gauge) => gauge.station_code === 'BP-TV-THACMO')).toMatchObject({ water_level: 204, alarm: expect.any(String) });

    const readings = (await json<Items>(`/open/v1/readings.json?${QUERY.readings}`)).items;
    expect(readings.filter((row) => row.metric === 'PM2_5')).toHaveLength(5);
    expect(readings.every((row) => row.station_code === 'BP-KK-DX01')).toBe(true);
    expect(readings.find((row) => row.metric === 'PM10')).toMatchObject({ unit: 'µg/m³', average: 80, count: 1 });
    // Another station's readings are its own; all stations together add them up.
    const dx02 = (await json<Items>(`/open/v1/readings.json?station=BP-KK-DX02&from=${FROM}&to=${TO}`)).items;
    expect(dx02.map((row) => row.average)).toEqual([10, 11, 12, 13, 14]);
    const all = (await json<Items>(`/open/v1/readings.json?from=${FROM}&to=${TO}`)).items;
    expect(all.find((row) => row.metric === 'PM2_5')).toMatchObject({ station_code: null, count: 2 });

    const security = (await json<Items>(`/open/v1/security.json?${QUERY.security}`)).items;
    expect(security.filter((row) => row.category === 'THEFT').reduce((sum, row) => sum + Number(row.count), 0)).toBe(2);
    const thefts = (await json<Items>(`/open/v1/security.json?${QUERY.security}&category=THEFT`)).items;
    expect(new Set(thefts.map((row) => row.category))).toEqual(new Set(['THEFT']));

    const health = (await json<Items>(`/open/v1/health.json?${QUERY.health}`)).items;
    expect(health.some((row) => row.disease === 'DENGUE' && Number(row.cases) > 0)).toBe(true);
  });

  it('filters by the documented parameters', async () => {
    const water = (await json<Items>('/open/v1/stations.json?kind=WATER_LEVEL')).items;
    expect(water.length).toBeGreaterThan(0);
    expect(new Set(water.map((station) => station.kind))).toEqual(new Set(['WATER_LEVEL']));
    const districts = (await json<Items>('/open/v1/traffic.json?level=DISTRICT')).items;
    expect(districts.length).toBeGreaterThan(0);
    expect(new Set(districts.map((unit) => unit.level))).toEqual(new Set(['DISTRICT']));
    const [province] = (await json<Items>('/open/v1/administrative-units.json?level=PROVINCE')).items;
    const everywhere = (await json<Items>('/open/v1/public-services.json?limit=1000')).items;
    const below = (await json<Items>(`/open/v1/public-services.json?within=${String(province.id)}&limit=1000`)).items;
    expect(below.map((unit) => unit.unit_id).sort()).toEqual(
      everywhere
        .filter((unit) => unit.unit_id !== province.id)
        .map((unit) => unit.unit_id)
        .sort(),
    );
    expect((await json<Items>('/open/v1/incidents.json?sector=HEALTH')).items).toEqual([]);
    expect((await json<Items>('/open/v1/incidents.json?sector=URBAN_ORDER')).items).toHaveLength(3);
  });

  it.each([
    ['stations', 'limit=2'],
    ['traffic', 'limit=25'],
    ['readings', `${QUERY.readings}&limit=4`],
  ])('pages %s by its next links, every record once', async (name, query) => {
    const whole = (await json<Items>(`/open/v1/${name}.json?${withQuery(name, 'limit=1000')}`)).items;
    const seen: unknown[] = [];
    let pages = 0;
    let path: string | null = `/open/v1/${name}.json?${query}`;
    while (path) {
      pages += 1;
      const response = await get(path);
      expect(response.status).toBe(200);
      const page = (await response.json()) as Items;
      seen.push(...page.items);
      if (page.next) expect(response.headers.get('link')).toBe(`<${page.next}>; rel="next"`);
      path = page.next ? new URL(page.next).pathname + new URL(page.next).search : null;
    }
    expect(seen).toEqual(whole);
    expect(pages).toBeGreaterThan(1);
  });

  it('pins a default the dataset filled in (the window’s end) in the next link, so that the next page continues the same records', async () => {
    const page = await json<Items>(`/open/v1/readings.json?station=BP-KK-DX01&from=${FROM}&limit=1`);
    expect(page.items).toHaveLength(1);
    const next = new URL(page.next!);
    expect(next.searchParams.get('to')).toBe('2026-11-23T00:00:00.000Z');
    expect(next.searchParams.get('from')).toBe(FROM);
  });

  it.each([
    '/open/v1/readings.json?from=2026-11-01T00:00:00Z&to=2026-12-15T00:00:00Z',
    '/open/v1/readings.json?from=2026-11-23T00:00:00Z&to=2026-11-22T00:00:00Z',
    '/open/v1/readings.json?from=2026-11-22',
    '/open/v1/readings.json?from=2026-11-22T00:00:00',
    '/open/v1/readings.json?from=2026-02-30T00:00:00Z',
    '/open/v1/readings.json?from=yesterday',
    '/open/v1/readings.json?station=BP%20KK',
    '/open/v1/readings.json?station=' + 'A'.repeat(201),
    '/open/v1/readings.json?after=not-a-cursor',
    '/open/v1/readings.json?after=bGlzdDo5OTk5OTk5',
    '/open/v1/stations.json?kind=SATELLITE',
    '/open/v1/stations.json?after=bGlzdDotMQ',
    '/open/v1/air-quality.json?unit=not-an-id',
    '/open/v1/incidents.json?sector=SPORT',
    '/open/v1/incidents.json?from=2026-13-01T00:00:00Z',
    '/open/v1/incidents.json?category=1',
    '/open/v1/incidents.json?after=not-a-cursor',
    '/open/v1/traffic.json?level=CITY',
    '/open/v1/public-services.json?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z',
    '/open/v1/health.json?from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z',
    '/open/v1/security.json?category=THEFT&category=DRUGS',
    '/open/v1/flood-gauges.json?colour=red',
  ])('refuses %s with 400 BAD_USER_INPUT', async (path) => {
    const response = await get(path);
    expect(response.status).toBe(400);
    const body = (await response.json()) as Refusal;
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).not.toMatch(/\n\s+at /);
  });

  it('refuses a form a dataset has not: incidents have no coordinates, so no GeoJSON', async () => {
    const response = await get('/open/v1/incidents.geojson');
    expect(response.status).toBe(404);
    expect(((await response.json()) as Refusal).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('answers 304 to a request that holds the current answer', async () => {
    for (const path of ['/open/v1/stations.geojson', `/open/v1/readings.csv?${QUERY.readings}`, '/open/v1/incidents.json']) {
      const first = await get(path);
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^"[\w-]+"$/);
      const again = await get(path, { 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
    }
  });

  it('gives a partner with a token what the public reads, answered privately', async () => {
    const authorization = `Bearer ${partner}`;
    for (const name of ['incidents', 'air-quality', 'flood-gauges', 'security']) {
      const path = `/open/v1/${name}.json?${withQuery(name)}`;
      const publicItems = (await json<Items>(path)).items;
      const response = await get(path, { authorization });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toMatch(/^public|^private/);
      expect(((await response.json()) as Items).items).toEqual(publicItems);
    }
  });

  it('serves every role and the public, each with the rights its subgraphs give it: a commune’s cases are for staff', async () => {
    const commune = `/open/v1/health.json?${QUERY.health}&unit=${demoId('unit', 'BP-689-TANPHU')}`;
    const callers: [string, Record<string, string>][] = [
      ['the public', {}],
      ...Object.entries(hub.tokens).map(([role, token]): [string, Record<string, string>] => [role, { authorization: `Bearer ${token}` }]),
      ['PARTNER', { authorization: `Bearer ${partner}` }],
    ];
    for (const [caller, headers] of callers) {
      for (const path of ['/open/v1/stations.csv', '/open/v1/incidents.json', '/open/v1/catalog.jsonld']) {
        expect([caller, path, (await get(path, headers)).status]).toEqual([caller, path, 200]);
      }
      const staff = ['LEADER', 'OPERATOR', 'AGENCY_STAFF', 'FIELD_OFFICER', 'SYSTEM'].includes(caller);
      const response = await get(commune, headers);
      expect([caller, response.status]).toEqual([caller, staff ? 200 : caller === 'the public' ? 401 : 403]);
    }
  });

  describe('the catalogue', () => {
    type Entry = Record<string, unknown> & {
      'dct:identifier': string;
      'dcat:distribution': {
        'dcat:downloadURL': { '@id': string };
        'dcat:accessURL': { '@id': string };
        'dcat:mediaType': { '@id': string };
      }[];
    };
    type Catalog = Record<string, unknown> & { 'dcat:dataset': Entry[]; 'dcat:service': Entry[] };

    it('is a DCAT-AP catalogue in JSON-LD listing every dataset with licence, frequency, distributions and columns', async () => {
      const response = await get('/open/v1/catalog.jsonld');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/ld\+json/);
      expect(response.headers.get('cache-control')).toMatch(/^public/);
      const catalog = (await response.json()) as Catalog;
      expect(catalog['@type']).toBe('dcat:Catalog');
      expect(Object.keys(catalog['@context'] as object)).toEqual(expect.arrayContaining(['dcat', 'dct', 'foaf', 'vcard', 'xsd']));
      expect(catalog['dct:title']).toEqual(
        expect.arrayContaining([expect.objectContaining({ '@language': 'vi' }), expect.objectContaining({ '@language': 'en' })]),
      );
      expect(JSON.stringify(catalog['dct:publisher'])).toMatch(/Bình Phước/);
      expect(catalog['dcat:dataset'].map((entry) => entry['dct:identifier'])).toEqual(DATASETS.map((dataset) => dataset.name));
      for (const entry of catalog['dcat:dataset']) {
        const dataset = named(entry['dct:identifier']);
        expect(entry['@type']).toBe('dcat:Dataset');
        expect(entry['dct:license']).toEqual({ '@id': 'https://creativecommons.org/licenses/by/4.0/' });
        expect((entry['dct:accrualPeriodicity'] as { '@id': string })['@id']).toMatch(
          /^http:\/\/publications\.europa\.eu\/resource\/authority\/frequency\/(CONT|HOURLY|DAILY|WEEKLY|MONTHLY|IRREG)$/,
        );
        expect(entry['dcat:distribution'].map((distribution) => distribution['dcat:mediaType']['@id'].split('/media-types/')[1])).toEqual(
          dataset.place ? ['application/json', 'text/csv', 'application/geo+json'] : ['application/json', 'text/csv'],
        );
        expect(
          (entry['schema:variableMeasured'] as { 'schema:name': string; 'schema:description': string }[]).map(
            (field) => field['schema:name'],
          ),
        ).toEqual(dataset.columns.map((column) => column.name));
        expect(entry['dct:spatial']).toEqual({ '@id': expect.stringMatching(/#province$/) });
      }
      expect(catalog['dcat:service'].map((service) => service['dct:identifier'])).toEqual(DATA_SERVICES.map((service) => service.id));
      expect(catalog['dcat:service'].map((service) => (service['dcat:endpointURL'] as { '@id': string })['@id'])).toContain(
        `${PUBLIC_URL}/open311/v2/services.json`,
      );
    });

    it('has every distribution URL answering 200', async () => {
      const catalog = await json<Catalog>('/open/v1/catalog');
      const urls = catalog['dcat:dataset'].flatMap((entry) =>
        entry['dcat:distribution'].map((distribution) => distribution['dcat:downloadURL']['@id']),
      );
      expect(urls.length).toBeGreaterThan(20);
      for (const url of urls) {
        const { pathname } = new URL(url);
        expect(url.startsWith(PUBLIC_URL)).toBe(true);
        const response = await get(pathname);
        expect([pathname, response.status]).toEqual([pathname, 200]);
        await response.arrayBuffer();
      }
    });

    it('answers 304 to a current ETag, and the same catalogue to a partner', async () => {
      const first = await get('/open/v1/catalog.jsonld');
      const etag = first.headers.get('etag')!;
      expect((await get('/open/v1/catalog.jsonld', { 'if-none-match': etag })).status).toBe(304);
      const asPartner = await get('/open/v1/catalog.jsonld', { authorization: `Bearer ${partner}` });
      expect(asPartner.headers.get('etag')).toBe(etag);
      // A key is neither needed nor checked: an unknown one still reads the catalogue.
      expect((await get('/open/v1/catalog.jsonld', { 'x-api-key': `iocg_${'a'.repeat(40)}` })).status).toBe(200);
    });
  });
});
