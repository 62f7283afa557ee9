import { startHub, type Hub } from '../../../test/support/hub';

/**
 * `/open/v1/<dataset>.<format>`: open datasets as JSON, CSV and GeoJSON, read through the gateway's own
 * persisted operations, paged by cursor, with validators and conditional requests.
 */
describe('open data exports', () => {
  let hub: Hub;
  let origin: string;

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${origin}${path}`, { headers });

  beforeAll(async () => {
    hub = await startHub({ RATE_LIMIT_PER_MINUTE: '0' });
    origin = new URL(hub.gatewayUrl).origin;
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('serves the administrative units as JSON, CSV with a byte-order mark and GeoJSON, the same records in each', async () => {
    const json = await get('/open/v1/administrative-units.json?limit=1000');
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await json.json()) as { items: Record<string, unknown>[]; licence: string; next: string | null };
    expect(body.next).toBeNull();
    expect(body.licence).toMatch(/creativecommons/);
    const province = body.items.find((unit) => unit.level === 'PROVINCE')!;
    expect(province).toMatchObject({ name_vi: expect.stringMatching(/^Tỉnh /), parent_code: null });

    const csv = await get('/open/v1/administrative-units.csv?limit=1000');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,code,level,kind,name_vi,name_en,parent_code,latitude,longitude');
    expect(lines).toHaveLength(body.items.length + 1);
    expect(lines.some((line) => line.includes(String(province.name_vi)))).toBe(true);

    const geo = await get('/open/v1/administrative-units.geojson?limit=1000');
    expect(geo.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    const collection = (await geo.json()) as {
      type: string;
      features: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }[];
    };
    expect(collection.type).toBe('FeatureCollection');
    const withPlace = body.items.filter((unit) => unit.latitude !== null);
    expect(collection.features).toHaveLength(withPlace.length);
    const [longitude, latitude] = collection.features[0].geometry.coordinates;
    expect(latitude).toBeGreaterThan(8);
    expect(latitude).toBeLessThan(24);
    expect(longitude).toBeGreaterThan(102);
  });

  it('pages by cursor: following next links gives every record once', async () => {
    const all = ((await (await get('/open/v1/administrative-units.json?limit=1000')).json()) as { items: { id: string }[] }).items;
    const seen: string[] = [];
    let path: string | null = '/open/v1/administrative-units.json?limit=7';
    while (path) {
      const response = await get(path);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { items: { id: string }[]; next: string | null };
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items.map((item) => item.id));
      if (page.next) expect(response.headers.get('link')).toBe(`<${page.next}>; rel="next"`);
      path = page.next ? new URL(page.next).pathname + new URL(page.next).search : null;
    }
    expect(seen).toHaveLength(all.length);
    expect(new Set(seen)).toEqual(new Set(all.map((unit) => unit.id)));
  });

  it('answers 304 to a request that already holds the current answer, with Cache-Control', async () => {
    const first = await get('/open/v1/administrative-units.csv?level=COMMUNE');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=3600');
    const again = await get('/open/v1/administrative-units.csv?level=COMMUNE', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const other = await get('/open/v1/administrative-units.csv?level=PROVINCE', { 'if-none-match': etag });
    expect(other.status).toBe(200);
  });

  it.each([
    ['/open/v1/administrative-units.json?limit=0', 400, 'BAD_USER_INPUT'],
    ['/open/v1/administrative-units.json?limit=100000', 400, 'BAD_USER_INPUT'],
    ['/open/v1/administrative-units.json?limit=1e3', 400, 'BAD_USER_INPUT'],
    ['/open/v1/administrative-units.json?colour=red', 400, 'BAD_USER_INPUT'],
    ['/open/v1/administrative-units.json?level=A&level=B', 400, 'BAD_USER_INPUT'],
    ['/open/v1/administrative-units.json?level=CITY', 400, 'BAD_USER_INPUT'],
    ['/open/v1/administrative-units.json?after=not-a-cursor', 400, 'BAD_USER_INPUT'],
    ['/open/v1/administrative-units.xml', 404, 'NOT_FOUND'],
  ])('refuses %s with %i %s', async (path, status, code) => {
    const response = await get(path);
    expect(response.status).toBe(status);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe(code);
    expect(body.errors[0].message).not.toMatch(/\n\s+at /);
  });

  it('refuses a malformed or unknown API key with 401, never serving it as the public', async () => {
    for (const key of ['nonsense', `iocg_${'a'.repeat(40)}`]) {
      const response = await get('/open/v1/administrative-units.json', { 'x-api-key': key });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });
});
