import { demoId } from '@ioc-graph/directory';
import { categoryId } from '@ioc-graph/incidents';
import {
  CancelPublicWarningDocument,
  IssuePublicWarningDocument,
  ReportAlertDocument,
  UpdatePublicWarningDocument,
  VerifyAlertDocument,
  type PublicWarningInput,
} from '../../../__generated__/graphql';
import { eventually } from '../../../test/support/eventually';
import { ok } from '../../../test/support/graphql';
import { execute, startHub, type Hub } from '../../../test/support/hub';
import { Role } from '@ioc-graph/platform';

const textOf = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]);
/** The CAP message links of an Atom index, in its order. */
const capLinks = (atom: string) =>
  [...atom.matchAll(/<link rel="alternate" type="application\/cap\+xml" href="([^"]+)"\/>/g)].map((m) => m[1]);

/**
 * Public warnings over HTTP: the Atom index of the active ones and each CAP 1.2 message, built from the
 * graph's persisted operations for whoever asks (no token needed).
 */
describe('open public warnings (CAP 1.2 and Atom)', () => {
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

  /** The identifiers of the CAP messages the first case sent. */
  const sentIdentifiers: string[] = [];

  const content = (headlineEn: string): PublicWarningInput => ({
    eventVi: 'Lũ',
    eventEn: 'Flood',
    category: 'MET',
    responseType: 'PREPARE',
    headlineVi: 'Mực nước sông Bé vượt báo động II',
    headlineEn,
    descriptionVi: 'Mực nước tại trạm Phước Hòa lên 39,8 m.',
    descriptionEn: 'Water at Phuoc Hoa station at 39.8 m & rising.',
    expires: new Date(hub.clock.now().getTime() + 12 * 3_600_000).toISOString(),
    areaDescVi: 'Phường Tân Phú',
    areaDescEn: 'Tan Phu Ward',
    unitIds: [demoId('unit', 'BP-689-TANPHU')],
    circle: { latitude: 11.538, longitude: 106.896, radiusKm: 3 },
  });

  it('publishes Alert → Update → Cancel as CAP messages with references; a cancelled warning leaves the Atom index', async () => {
    const token = hub.tokens.OPERATOR;
    const { reportAlert } = ok(
      await execute(
        hub.gatewayUrl,
        ReportAlertDocument,
        {
          input: {
            sourceSystem: 'water-level-gauge',
            sourceRef: 'phuoc-hoa-2026-11-23T01',
            categoryId: categoryId('EMG_WATER_LEVEL_ALARM'),
            headline: 'Mực nước sông Bé vượt báo động II',
            occurredAt: '2026-11-23T00:30:00Z',
          },
        },
        { token: hub.tokens.SYSTEM },
      ),
    );
    ok(
      await execute(
        hub.gatewayUrl,
        VerifyAlertDocument,
        { id: reportAlert.id, input: { expectedVersion: reportAlert.version } },
        { token },
      ),
    );
    const issued = ok(
      await execute(
        hub.gatewayUrl,
        IssuePublicWarningDocument,
        { input: { alertId: reportAlert.id, ...content('Be River above alarm level II') } },
        { token },
      ),
    ).issuePublicWarning;

    // Issued: the index lists it, linking its Alert message.
    const alertMessage = issued.messages[0].identifier;
    const atom = await eventually(async () => {
      const response = await get('/open/v1/warnings.atom');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
      const text = await response.text();
      expect(capLinks(text).map((link) => decodeURIComponent(new URL(link).pathname))).toContain(`/open/v1/warnings/${alertMessage}.cap`);
      return text;
    });
    expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(textOf(atom, 'id')).toContain(alertMessage);

    const updated = ok(
      await execute(
        hub.gatewayUrl,
        UpdatePublicWarningDocument,
        { id: issued.id, expectedVersion: issued.version, input: content('Be River above alarm level III') },
        { token },
      ),
    ).updatePublicWarning;
    const cancelled = ok(
      await execute(
        hub.gatewayUrl,
        CancelPublicWarningDocument,
        { id: issued.id, expectedVersion: updated.version, note: 'Nước đã rút' },
        { token },
      ),
    ).cancelPublicWarning;
    expect(cancelled.messages.map((m) => m.msgType)).toEqual(['ALERT', 'UPDATE', 'CANCEL']);
    sentIdentifiers.push(...cancelled.messages.map((m) => m.identifier));

    // Each message over HTTP, with every required element, the references of the ones before it.
    const documents: string[] = [];
    for (const message of cancelled.messages) {
      const response = await get(`/open/v1/warnings/${encodeURIComponent(message.identifier)}.cap`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/cap+xml');
      expect(response.headers.get('etag')).toBeTruthy();
      const xml = await response.text();
      expect(xml).toContain('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">');
      for (const name of ['identifier', 'sender', 'sent', 'status', 'msgType', 'scope'])
        expect({ name, count: textOf(xml, name).length }).toEqual({ name, count: 1 });
      for (const name of ['language', 'category', 'event', 'urgency', 'severity', 'certainty', 'expires', 'headline', 'areaDesc'])
        expect({ name, count: textOf(xml, name).length }).toEqual({ name, count: 2 });
      expect(textOf(xml, 'identifier')).toEqual([message.identifier]);
      expect(textOf(xml, 'sent')[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
      expect(textOf(xml, 'status')).toEqual(['Actual']);
      expect(textOf(xml, 'category')).toEqual(['Met', 'Met']);
      expect(textOf(xml, 'circle')).toEqual(['11.538,106.896 3', '11.538,106.896 3']);
      expect(textOf(xml, 'valueName')).toEqual(['VN-ADMIN-CODE', 'VN-ADMIN-CODE']);
      expect(textOf(xml, 'description')[1]).toBe('Water at Phuoc Hoa station at 39.8 m &amp; rising.');
      documents.push(xml);
    }
    const [first, second, third] = documents;
    const referenceTo = (xml: string) => [textOf(xml, 'sender')[0], textOf(xml, 'identifier')[0], textOf(xml, 'sent')[0]].join(',');
    expect(textOf(first, 'msgType')).toEqual(['Alert']);
    expect(textOf(first, 'references')).toEqual([]);
    expect(textOf(first, 'headline')[1]).toBe('Be River above alarm level II');
    expect(textOf(second, 'msgType')).toEqual(['Update']);
    expect(textOf(second, 'references')).toEqual([referenceTo(first)]);
    expect(textOf(second, 'headline')[1]).toBe('Be River above alarm level III');
    expect(textOf(third, 'msgType')).toEqual(['Cancel']);
    expect(textOf(third, 'note')).toEqual(['Nước đã rút']);
    expect(textOf(third, 'references')).toEqual([`${referenceTo(first)} ${referenceTo(second)}`]);

    // Cancelled: gone from the index once the gateway has seen the change.
    await eventually(async () => {
      const text = await (await get('/open/v1/warnings.atom')).text();
      expect(textOf(text, 'id').filter((id) => id.includes(issued.id))).toEqual([]);
      return true;
    });
  });

  it('answers 404 for an unknown message, and 304 to a client that holds the current one', async () => {
    const unknown = await get(`/open/v1/warnings/${encodeURIComponent('urn:ioc-graph:70:warning:none:1')}.cap`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await get('/open/v1/warnings/something.xml')).status).toBe(404);
    expect((await get(`/open/v1/warnings/${'x'.repeat(300)}.cap`)).status).toBe(404);

    const index = await get('/open/v1/warnings.atom');
    expect(index.headers.get('cache-control')).toBe('public, max-age=30');
    const again = await get('/open/v1/warnings.atom', { 'if-none-match': index.headers.get('etag')! });
    expect(again.status).toBe(304);
  });

  it('serves the same index and messages to every role and to the public; a bad token or unknown key is 401', async () => {
    expect(sentIdentifiers).toHaveLength(3);
    const path = `/open/v1/warnings/${encodeURIComponent(sentIdentifiers[0])}.cap`;
    const expected = await (await get(path)).text();
    for (const role of Object.values(Role)) {
      const headers = { authorization: `Bearer ${hub.tokens[role]}` };
      const message = await get(path, headers);
      expect({ role, status: message.status }).toEqual({ role, status: 200 });
      expect(await message.text()).toBe(expected);
      expect({ role, status: (await get('/open/v1/warnings.atom', headers)).status }).toEqual({ role, status: 200 });
    }
    expect((await get('/open/v1/warnings.atom', { authorization: 'Bearer not-a-token' })).status).toBe(401);
    expect((await get('/open/v1/warnings.atom', { 'x-api-key': `iocg_${'a'.repeat(40)}` })).status).toBe(401);
  });
});
