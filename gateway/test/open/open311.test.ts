import { Role } from '@ioc-graph/platform';
import { Client } from 'pg';
import {
  AcceptAssignmentDocument,
  ApproveAndPublishDocument,
  AssignToAgencyDocument,
  SubmitAgencyResultDocument,
  VerifyReportDocument,
} from '../../../__generated__/graphql';
import { ok } from '../../../test/support/graphql';
import { execute, startHub, type Hub } from '../../../test/support/hub';

/** The fields of a service request, as the GeoReport v2 spec lists them. */
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
].sort();
const SERVICE_FIELDS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'].sort();

/** What a reporter gives about themselves: none of it may appear in any GET answer. */
const CONTACT = { first_name: 'Trần', last_name: 'Thị Mai', phone: '0913 222 333', email: 'mai.tran@example.vn' };
const CONTACT_TRACES = ['Thị Mai', '0913 222 333', '0913222333', 'mai.tran@example.vn'];

type ServiceRequest = Record<string, unknown> & { service_request_id: string; status: string; status_notes: string };

/**
 * `/open311/v2/`: Open311 GeoReport v2 over citizen reports — services, a POST as a citizen report (same
 * validation, limit and tracking code), requests the public may see (published, or by tracking code),
 * JSON and XML, and errors in the spec's own format.
 */
describe('Open311 GeoReport v2', () => {
  let hub: Hub;
  let origin: string;
  let db: Client;
  let serial = 0;

  // Each test reports from its own address: the citizen-report limit counts per client and hour.
  const client = () => `198.51.100.${++serial}`;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${origin}/open311/v2/${path}`, { headers });
  const postForm = (fields: Record<string, string>, from: string, path = 'requests.json', headers: Record<string, string> = {}) =>
    fetch(`${origin}/open311/v2/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': from, ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  const postJson = (body: unknown, from: string, headers: Record<string, string> = {}) =>
    fetch(`${origin}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from, ...headers },
      body: JSON.stringify(body),
    });
  const report = (description: string) => ({
    service_code: 'URB_ILLEGAL_CONSTRUCTION',
    lat: '11.5381',
    long: '106.8962',
    address_string: '45 Lê Duẩn, phường Tân Phú, Đồng Xoài',
    description,
    media_url: 'https://example.vn/photos/45-le-duan.jpg',
  });
  /** Rows of every table of the incidents subgraph: a refused POST writes none. */
  const incidentRows = async () => {
    const { rows } = await db.query<{ name: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
       WHERE table_type = 'BASE TABLE' AND table_schema = 'incidents'`,
    );
    const counts = await db.query<{ name: string; n: string }>(
      rows.map(({ name }) => `SELECT '${name}' AS name, count(*) AS n FROM ${name}`).join(' UNION ALL '),
    );
    return Object.fromEntries(counts.rows.map((row) => [row.name, Number(row.n)]));
  };
  const created = async (response: Response) => {
    expect(response.status).toBe(201);
    const body = (await response.json()) as { service_request_id: string; service_notice: string; account_id: string | null }[];
    expect(body).toHaveLength(1);
    expect(body[0].service_request_id).toMatch(/^PA-[2-9A-HJ-NP-Z]{8}$/);
    return body[0];
  };
  const requestById = async (code: string, headers: Record<string, string> = {}) => {
    const response = await get(`requests/${code}.json`, headers);
    expect(response.status).toBe(200);
    const [request, ...rest] = (await response.json()) as ServiceRequest[];
    expect(rest).toHaveLength(0);
    return request;
  };

  beforeAll(async () => {
    // X-Forwarded-For believed from loopback: each test reports as its own client.
    hub = await startHub({ RATE_LIMIT_PER_MINUTE: '0', CITIZEN_REPORTS_PER_HOUR: '3', TRUSTED_PROXIES: '127.0.0.1' });
    origin = new URL(hub.gatewayUrl).origin;
    db = new Client({ connectionString: hub.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await hub?.stop();
  });

  it('lists the categories citizens may report as services, in JSON and XML, in Vietnamese or English', async () => {
    const response = await get('services.json');
    expect(response.status).toBe(200);
    const services = (await response.json()) as Record<string, unknown>[];
    expect(services.length).toBeGreaterThan(0);
    for (const service of services) expect(Object.keys(service).sort()).toEqual(SERVICE_FIELDS);
    const construction = services.find((service) => service.service_code === 'URB_ILLEGAL_CONSTRUCTION')!;
    expect(construction).toMatchObject({ service_name: 'Xây dựng không phép, sai phép', metadata: false, type: 'realtime' });
    expect(construction.group).toBe('Trật tự đô thị');

    const english = (await (await get('services.json?locale=en')).json()) as Record<string, unknown>[];
    const byHeader = (await (await get('services.json', { 'accept-language': 'en-GB,en;q=0.8' })).json()) as Record<string, unknown>[];
    expect(english).toEqual(byHeader);
    expect(english.find((service) => service.service_code === 'URB_ILLEGAL_CONSTRUCTION')!.service_name).not.toBe(
      construction.service_name,
    );

    const xml = await get('services.xml');
    expect(xml.headers.get('content-type')).toMatch(/^application\/xml/);
    const text = await xml.text();
    expect(text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><services><service><service_code>/);
    expect(text.match(/<service>/g)).toHaveLength(services.length);
    expect(text).toContain('<service_name>Xây dựng không phép, sai phép</service_name>');

    const definition = await get('services/URB_ILLEGAL_CONSTRUCTION.json');
    expect(await definition.json()).toEqual({ service_code: 'URB_ILLEGAL_CONSTRUCTION', attributes: [] });
    expect(await (await get('services/URB_ILLEGAL_CONSTRUCTION.xml')).text()).toBe(
      '<?xml version="1.0" encoding="utf-8"?><service_definition><service_code>URB_ILLEGAL_CONSTRUCTION</service_code><attributes></attributes></service_definition>',
    );
    const unknown = await get('services/NO_SUCH_SERVICE.json');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual([{ code: 404, description: expect.stringContaining('NO_SUCH_SERVICE') }]);
  });

  it('takes a request form-encoded and as JSON, and follows it by its id until the agency’s result is published', async () => {
    const from = client();
    const form = await created(
      await postForm({ ...report('Nhà số 45 đang xây thêm tầng 4 không phép.'), ...CONTACT, account_id: 'acc-7' }, from),
    );
    expect(form.account_id).toBe('acc-7');
    expect(form.service_notice).toMatch(/PA-|service_request_id/);
    const json = await created(
      await postJson({ ...report('Công trình lấn chiếm vỉa hè, vật liệu tràn ra đường.'), lat: 11.54, long: 106.9 }, from),
    );
    expect(json.account_id).toBeNull();

    const received = await requestById(form.service_request_id);
    expect(Object.keys(received).sort()).toEqual(REQUEST_FIELDS);
    expect(received).toMatchObject({
      service_request_id: form.service_request_id,
      status: 'open',
      service_code: 'URB_ILLEGAL_CONSTRUCTION',
      service_name: 'Xây dựng không phép, sai phép',
      description: 'Nhà số 45 đang xây thêm tầng 4 không phép.',
      address: '45 Lê Duẩn, phường Tân Phú, Đồng Xoài',
      lat: 11.5381,
      long: 106.8962,
      media_url: 'https://example.vn/photos/45-le-duan.jpg',
      agency_responsible: null,
      expected_datetime: null,
    });
    expect(received.status_notes).toMatch(/tiếp nhận/);
    expect(await requestById(json.service_request_id)).toMatchObject({ lat: 11.54, long: 106.9, status: 'open' });

    // The center walks it to a published result (the README's process).
    const { rows } = await db.query<{ id: string }>('SELECT id FROM incidents.alert WHERE tracking_code = $1', [form.service_request_id]);
    const operator = { token: hub.tokens.OPERATOR };
    const staff = { token: hub.tokens.AGENCY_STAFF };
    const incidentId = ok(await execute(hub.gatewayUrl, VerifyReportDocument, { alertId: rows[0].id }, operator)).verifyAlert.id;
    const assigned = ok(await execute(hub.gatewayUrl, AssignToAgencyDocument, { incidentId }, operator)).assignAgency;
    const handling = await requestById(form.service_request_id);
    expect(handling).toMatchObject({ status: 'open', agency_responsible: 'Sở Xây dựng tỉnh Bình Phước' });
    expect(handling.expected_datetime).toBe(assigned.deadline);
    expect(Date.parse(String(handling.updated_datetime))).toBeGreaterThan(Date.parse(String(handling.requested_datetime)) - 1);
    ok(await execute(hub.gatewayUrl, AcceptAssignmentDocument, { incidentId }, staff));
    ok(await execute(hub.gatewayUrl, SubmitAgencyResultDocument, { incidentId }, staff));
    expect(ok(await execute(hub.gatewayUrl, ApproveAndPublishDocument, { incidentId }, operator)).approveResult.state).toBe('PUBLISHED');

    const closed = await requestById(form.service_request_id);
    expect(closed).toMatchObject({
      status: 'closed',
      agency_responsible: 'Sở Xây dựng tỉnh Bình Phước',
      description: 'Xây dựng không phép tại đường Lê Duẩn, phường Tân Phú',
    });
    expect(closed.status_notes).toContain('Đã lập biên bản, đình chỉ thi công');
    expect((await requestById(form.service_request_id, { 'accept-language': 'en' })).status_notes).toMatch(
      /^Handled, with a published result — /,
    );

    // Published, it is listed; the unpublished JSON one is not, unless asked for by id.
    const listed = (await (await get('requests.json')).json()) as ServiceRequest[];
    expect(listed.map((request) => request.service_request_id)).toContain(form.service_request_id);
    expect(listed.map((request) => request.service_request_id)).not.toContain(json.service_request_id);
    const both = (await (
      await get(`requests.json?service_request_id=${form.service_request_id},${json.service_request_id}`)
    ).json()) as ServiceRequest[];
    expect(both.map((request) => [request.service_request_id, request.status])).toEqual([
      [form.service_request_id, 'closed'],
      [json.service_request_id, 'open'],
    ]);

    const xml = await (await get(`requests/${form.service_request_id}.xml`)).text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><service_requests><request><service_request_id>PA-/);
    expect(xml).toContain('<status>closed</status>');
    expect(xml).toContain('<zipcode></zipcode>');

    // Nothing of the reporter, anywhere.
    for (const path of [
      'requests.json',
      'requests.xml',
      `requests/${form.service_request_id}.json`,
      `requests/${form.service_request_id}.xml`,
    ]) {
      const text = await (await get(path)).text();
      for (const trace of CONTACT_TRACES) expect(text).not.toContain(trace);
    }
  });

  it('filters the published requests by service, status and date window, and pages them', async () => {
    const listed = (await (await get('requests.json')).json()) as ServiceRequest[];
    expect(listed.length).toBeGreaterThan(0);
    const code = listed[0].service_request_id;
    const ids = async (query: string) =>
      ((await (await get(`requests.json?${query}`)).json()) as ServiceRequest[]).map((r) => r.service_request_id);
    expect(await ids('service_code=URB_ILLEGAL_CONSTRUCTION')).toContain(code);
    expect(await ids('service_code=TRF_CONGESTION')).not.toContain(code);
    expect(await ids('status=closed')).toContain(code);
    expect(await ids('status=open')).toEqual([]);
    expect(await ids('status=open,closed')).toContain(code);
    // The hub's clock, not this machine's: the window is around when the center received it.
    const now = Date.parse(String(listed[0].requested_datetime));
    const day = 86_400_000;
    const iso = (at: number) => new Date(at).toISOString();
    expect(await ids(`start_date=${iso(now - day)}&end_date=${iso(now + day)}`)).toContain(code);
    expect(await ids(`start_date=${iso(now - 30 * day)}&end_date=${iso(now - 20 * day)}`)).not.toContain(code);
    expect(await ids(`end_date=${encodeURIComponent(new Date(now + day).toISOString().replace('Z', '+00:00'))}`)).toContain(code);

    const first = await get('requests.json?page_size=1');
    expect(((await first.json()) as unknown[]).length).toBe(1);
    const link = first.headers.get('link');
    if (listed.length > 1) expect(link).toMatch(/after=.*rel="next"$/);
  });

  it('refuses bad input in the spec’s error format with 400, writing no row', async () => {
    const from = client();
    const before = await incidentRows();
    const refusals: [string, Response][] = [
      ['missing service_code', await postForm({ ...report('Có công trình xây không phép ở đây.'), service_code: '' }, from)],
      ['unknown service', await postForm({ ...report('Có công trình xây không phép ở đây.'), service_code: 'NO_SUCH' }, from)],
      ['bad lat', await postForm({ ...report('Có công trình xây không phép ở đây.'), lat: '91' }, from)],
      ['bad long', await postForm({ ...report('Có công trình xây không phép ở đây.'), long: 'east' }, from)],
      ['lat alone', await postJson({ ...report('Có công trình xây không phép ở đây.'), long: undefined, address_string: undefined }, from)],
      ['no place', await postJson({ service_code: 'URB_ILLEGAL_CONSTRUCTION', description: 'Có công trình xây không phép.' }, from)],
      ['too long description', await postForm(report('x'.repeat(4001)), from)],
      ['too short description', await postForm(report('ngắn'), from)],
      ['an attribute', await postForm({ ...report('Có công trình xây không phép ở đây.'), 'attribute[FLOORS]': '4' }, from)],
      ['unknown parameter', await postJson({ ...report('Có công trình xây không phép ở đây.'), priority: 'high' }, from)],
      ['bad phone', await postForm({ ...report('Có công trình xây không phép ở đây.'), phone: 'call me' }, from)],
      ['nested JSON', await postJson({ ...report('Có công trình xây không phép ở đây.'), description: { text: 'x' } }, from)],
      ['malformed JSON', await postJson('{"service_code":', from)],
      [
        'text body',
        await fetch(`${origin}/open311/v2/requests.json`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' }),
      ],
      ['bad start_date', await get('requests.json?start_date=yesterday')],
      ['impossible day', await get('requests.json?start_date=2026-02-30T00:00:00Z')],
      ['date without zone', await get('requests.json?start_date=2026-11-01T00:00:00')],
      ['window over 90 days', await get('requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z')],
      ['start after end', await get('requests.json?start_date=2026-11-02T00:00:00Z&end_date=2026-11-01T00:00:00Z')],
      ['bad status', await get('requests.json?status=pending')],
      ['page_size 0', await get('requests.json?page_size=0')],
      ['page_size 101', await get('requests.json?page_size=101')],
      [
        '51 ids',
        await get(`requests.json?service_request_id=${Array.from({ length: 51 }, (_, i) => `PA-${String(i).padStart(8, 'A')}`).join(',')}`),
      ],
      ['bad id', await get('requests.json?service_request_id=DROP%20TABLE')],
      ['unknown query parameter', await get('requests.json?sort=desc')],
      ['repeated parameter', await get('requests.json?status=open&status=closed')],
      ['bad locale', await get('services.json?locale=fr')],
    ];
    for (const [what, response] of refusals) {
      expect([what, response.status]).toEqual([what, 400]);
      expect([what, await response.json()]).toEqual([what, [{ code: 400, description: expect.any(String) }]]);
    }
    const xml = await get('requests.xml?status=pending');
    expect(xml.status).toBe(400);
    expect(await xml.text()).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?><errors><error><code>400<\/code><description>[^<]+<\/description><\/error><\/errors>$/,
    );
    expect(await incidentRows()).toEqual(before);

    const missing = await get('requests/PA-22222222.json');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual([{ code: 404, description: expect.any(String) }]);
    expect((await get('requests/not-a-code.xml')).status).toBe(404);
    expect((await get('requests.csv')).status).toBe(404);
    expect((await get('nothing.json')).status).toBe(404);
  });

  it('answers 429 in the spec’s format once a client has sent its citizen reports of the hour', async () => {
    const from = client();
    for (let i = 0; i < 3; i++) await created(await postForm(report(`Phản ánh thứ ${i + 1} về công trình không phép.`), from));
    const before = await incidentRows();
    const refused = await postForm(report('Phản ánh thứ tư về công trình không phép.'), from, 'requests.xml');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.text()).toMatch(/<errors><error><code>429<\/code>/);
    expect(await incidentRows()).toEqual(before);
    // Another client is not held back by it.
    await created(await postForm(report('Phản ánh từ người khác về công trình.'), client()));
  });

  it('keeps RateLimit headers on a refusal of the per-caller rate limit', async () => {
    const gateway = await hub.startGateway({ RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const from = client();
      const ask = () => fetch(`${new URL(gateway.url).origin}/open311/v2/services.json`, { headers: { 'x-forwarded-for': from } });
      expect((await ask()).status).toBe(200);
      expect((await ask()).status).toBe(200);
      const refused = await ask();
      expect(refused.status).toBe(429);
      expect(refused.headers.get('ratelimit-limit')).toBe('2');
      expect(refused.headers.get('ratelimit-remaining')).toBe('0');
      expect(await refused.json()).toEqual([{ code: 429, description: expect.any(String) }]);
    } finally {
      await gateway.server.stop();
    }
  });

  it('answers every role and the public alike, and refuses an unknown API key with 403 or 401 in the spec’s format', async () => {
    const { service_request_id: code } = await created(await postForm(report('Công trình không phép, hỏi theo vai trò.'), client()));
    const roles = [Role.LEADER, Role.OPERATOR, Role.AGENCY_STAFF, Role.FIELD_OFFICER, Role.PARTNER, Role.SYSTEM];
    const asPublic = await requestById(code);
    const services = await (await get('services.json')).text();
    for (const role of roles) {
      const authorization = { authorization: `Bearer ${hub.tokens[role]}` };
      expect([role, await requestById(code, authorization)]).toEqual([role, asPublic]);
      expect([role, await (await get('services.json', authorization)).text()]).toEqual([role, services]);
    }
    const partner = await postForm(report('Đối tác gửi phản ánh thay người dân.'), client(), 'requests.json', {
      authorization: `Bearer ${hub.tokens.PARTNER}`,
    });
    await created(partner);
    const badKey = await get('services.json?api_key=not-a-key');
    expect([401, 403]).toContain(badKey.status);
    expect(await badKey.json()).toEqual([{ code: badKey.status, description: expect.any(String) }]);
  });

  it('bounds the GraphQL queries behind it: 50 tracking codes, a category code', async () => {
    const codes = Array.from({ length: 51 }, (_, i) => `PA-${String(i).padStart(8, 'A')}`);
    const many = await execute(hub.gatewayUrl, 'query ($c: [String!]!) { citizenReports(trackingCodes: $c) { trackingCode } }', {
      c: codes,
    });
    expect(many.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    const badCode = await execute(hub.gatewayUrl, '{ publishedCitizenReports(filter: { categoryCode: "x; drop" }) { totalCount } }', {});
    expect(badCode.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    const none = await execute<{ citizenReports: unknown[] }, unknown>(
      hub.gatewayUrl,
      '{ citizenReports(trackingCodes: []) { trackingCode } }',
      {},
    );
    expect(none.data?.citizenReports).toEqual([]);
  });
});
