import { localDateTimeWithOffset } from '@ioc-graph/platform';
import { renderCapAtom } from './capAtom';
import { CAP_NAMESPACE, renderCapMessage, type CapWarningMessage } from './capMessage';

/** The names of the elements directly inside the first `<parent>` of a document this module wrote. */
function childNames(xml: string, parent: string): string[] {
  const start = xml.indexOf(`<${parent}`);
  const body = xml.slice(xml.indexOf('>', start) + 1, xml.indexOf(`</${parent}>`, start));
  const names: string[] = [];
  let depth = 0;
  for (const [, closing, name, selfClosing] of body.matchAll(/<(\/?)([A-Za-z]+)[^>]*?(\/?)>/g)) {
    if (closing) depth--;
    else {
      if (depth === 0) names.push(name);
      if (!selfClosing) depth++;
    }
  }
  return names;
}
const textOf = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]);

// The element order of the CAP 1.2 schema (CAP-v1.2.xsd), restricted to what the hub writes.
const ALERT_ORDER = [
  'identifier',
  'sender',
  'sent',
  'status',
  'msgType',
  'source',
  'scope',
  'restriction',
  'addresses',
  'code',
  'note',
  'references',
  'incidents',
  'info',
];
const INFO_ORDER = [
  'language',
  'category',
  'event',
  'responseType',
  'urgency',
  'severity',
  'certainty',
  'audience',
  'eventCode',
  'effective',
  'onset',
  'expires',
  'senderName',
  'headline',
  'description',
  'instruction',
  'web',
  'contact',
  'parameter',
  'resource',
  'area',
];
const AREA_ORDER = ['areaDesc', 'polygon', 'circle', 'geocode', 'altitude', 'ceiling'];
const inSchemaOrder = (names: string[], order: string[]) =>
  names.every((name, i) => order.includes(name) && (i === 0 || order.indexOf(names[i - 1]) <= order.indexOf(name)));

const content: CapWarningMessage['content'] = {
  status: 'ACTUAL',
  eventVi: 'Lũ',
  eventEn: 'Flood',
  category: 'MET',
  severity: 'SEVERE',
  urgency: 'IMMEDIATE',
  certainty: 'LIKELY',
  responseType: 'EVACUATE',
  headlineVi: 'Mực nước sông Bé vượt báo động III',
  headlineEn: 'Be River above alarm level III',
  descriptionVi: 'Mực nước tại trạm Phước Hòa lên 40,5 m & còn lên.',
  descriptionEn: 'Water at Phuoc Hoa station at 40.5 m and rising.',
  instructionVi: 'Di chuyển người và tài sản lên vùng cao.',
  instructionEn: 'Move people and belongings to higher ground.',
  onset: '2026-12-02T01:00:00.000Z',
  expires: '2026-12-03T02:00:00.000Z',
  areaDescVi: 'Phường Tân Phú, Đồng Xoài',
  areaDescEn: 'Tan Phu Ward, Dong Xoai',
  units: [{ code: '25195' }, { code: '25198' }],
  circle: { latitude: 11.538, longitude: 106.896, radiusKm: 5 },
  polygon: [
    { latitude: 11.5, longitude: 106.8 },
    { latitude: 11.6, longitude: 106.8 },
    { latitude: 11.6, longitude: 106.9 },
    { latitude: 11.5, longitude: 106.8 },
  ],
};
const SENDER = 'ioc@binhphuoc.gov.vn';
const message = (sequence: number, over: Partial<CapWarningMessage> = {}): CapWarningMessage => ({
  identifier: `urn:ioc-graph:70:warning:0b6c1c2e-6d1f-4a57-9d7e-3f1a2b3c4d5e:${sequence}`,
  sender: SENDER,
  sent: `2026-12-02T0${sequence}:00:00.000Z`,
  msgType: 'ALERT',
  references: null,
  note: null,
  content,
  ...over,
});
/** What incidents writes as the references of a message: every earlier one, as CAP 1.2 §3.2.1 says. */
const referencesTo = (earlier: CapWarningMessage[]) =>
  earlier.map((m) => `${m.sender},${m.identifier},${localDateTimeWithOffset(new Date(m.sent))}`).join(' ');

describe('renderCapMessage', () => {
  it('writes every required element, in the order of the CAP 1.2 schema, one info per language', () => {
    const xml = renderCapMessage(message(1), { web: 'https://ioc.binhphuoc.gov.vn/portal/warnings/1' });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">')).toBe(true);
    expect(xml).toContain(`xmlns="${CAP_NAMESPACE}"`);
    expect(childNames(xml, 'alert')).toEqual(['identifier', 'sender', 'sent', 'status', 'msgType', 'scope', 'info', 'info']);
    expect(inSchemaOrder(childNames(xml, 'alert'), ALERT_ORDER)).toBe(true);
    const info = childNames(xml, 'info');
    // Every element of the schema's info but those the hub has nothing for.
    const unused = ['audience', 'eventCode', 'effective', 'contact', 'parameter', 'resource'];
    expect(info).toEqual(INFO_ORDER.filter((name) => !unused.includes(name)));
    expect(inSchemaOrder(info, INFO_ORDER)).toBe(true);
    expect(childNames(xml, 'area')).toEqual(['areaDesc', 'polygon', 'circle', 'geocode', 'geocode']);
    expect(inSchemaOrder(childNames(xml, 'area'), AREA_ORDER)).toBe(true);
    expect(textOf(xml, 'language')).toEqual(['vi-VN', 'en-US']);
    expect(textOf(xml, 'sent')).toEqual(['2026-12-02T08:00:00+07:00']);
    expect(textOf(xml, 'onset')).toEqual(['2026-12-02T08:00:00+07:00', '2026-12-02T08:00:00+07:00']);
    expect(textOf(xml, 'expires')[0]).toBe('2026-12-03T09:00:00+07:00');
    expect(textOf(xml, 'status')).toEqual(['Actual']);
    expect(textOf(xml, 'msgType')).toEqual(['Alert']);
    expect(textOf(xml, 'scope')).toEqual(['Public']);
    expect(textOf(xml, 'event')).toEqual(['Lũ', 'Flood']);
    expect(textOf(xml, 'polygon')[0]).toBe('11.5,106.8 11.6,106.8 11.6,106.9 11.5,106.8');
    expect(textOf(xml, 'circle')[0]).toBe('11.538,106.896 5');
    expect(textOf(xml, 'valueName')).toEqual(Array(4).fill('VN-ADMIN-CODE'));
    expect(textOf(xml, 'value')).toEqual(['25195', '25198', '25195', '25198']);
  });

  it('maps the hub’s enums to CAP’s exact words', () => {
    const xml = renderCapMessage(
      message(1, {
        msgType: 'UPDATE',
        content: {
          ...content,
          status: 'EXERCISE',
          category: 'CBRNE',
          responseType: 'ALL_CLEAR',
          urgency: 'PAST',
          severity: 'UNKNOWN',
          certainty: 'OBSERVED',
        },
      }),
    );
    expect(textOf(xml, 'status')).toEqual(['Exercise']);
    expect(textOf(xml, 'msgType')).toEqual(['Update']);
    expect(textOf(xml, 'category')).toEqual(['CBRNE', 'CBRNE']);
    expect(textOf(xml, 'responseType')).toEqual(['AllClear', 'AllClear']);
    expect(textOf(xml, 'urgency')).toEqual(['Past', 'Past']);
    expect(textOf(xml, 'severity')).toEqual(['Unknown', 'Unknown']);
    expect(textOf(xml, 'certainty')).toEqual(['Observed', 'Observed']);
  });

  it('leaves out the optional elements a warning does not have', () => {
    const xml = renderCapMessage(
      message(1, {
        content: { ...content, responseType: null, onset: null, instructionVi: null, instructionEn: null, circle: null, polygon: null },
      }),
    );
    for (const name of ['responseType', 'onset', 'instruction', 'web', 'circle', 'polygon', 'note', 'references'])
      expect({ name, present: xml.includes(`<${name}>`) }).toEqual({ name, present: false });
    expect(childNames(xml, 'area')).toEqual(['areaDesc', 'geocode', 'geocode']);
  });

  it('escapes & < > " and \' in text, and drops characters XML forbids', () => {
    const xml = renderCapMessage(
      message(1, { content: { ...content, headlineEn: `Flood <warning> & "alarm" 'III'\u0001`, areaDescVi: 'A & B' } }),
    );
    expect(textOf(xml, 'headline')[1]).toBe('Flood &lt;warning&gt; &amp; &quot;alarm&quot; &apos;III&apos;');
    expect(textOf(xml, 'areaDesc')[0]).toBe('A &amp; B');
    expect(xml).not.toContain('\u0001');
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
  });

  it('renders Alert → Update → Cancel, each later message referencing every earlier one as it was sent', () => {
    const alert = message(1);
    const update = message(2, { msgType: 'UPDATE', references: referencesTo([alert]) });
    const cancel = message(3, { msgType: 'CANCEL', references: referencesTo([alert, update]), note: 'Nước đã rút' });
    const [a, u, c] = [alert, update, cancel].map((m) => renderCapMessage(m));
    expect(textOf(a, 'references')).toEqual([]);
    const asReferenced = (xml: string) => `${textOf(xml, 'sender')[0]},${textOf(xml, 'identifier')[0]},${textOf(xml, 'sent')[0]}`;
    expect(textOf(u, 'references')).toEqual([asReferenced(a)]);
    expect(textOf(c, 'references')).toEqual([`${asReferenced(a)} ${asReferenced(u)}`]);
    expect(textOf(c, 'msgType')).toEqual(['Cancel']);
    expect(childNames(c, 'alert').slice(0, 8)).toEqual([
      'identifier',
      'sender',
      'sent',
      'status',
      'msgType',
      'scope',
      'note',
      'references',
    ]);
    expect(inSchemaOrder(childNames(c, 'alert'), ALERT_ORDER)).toBe(true);
  });
});

describe('renderCapAtom', () => {
  const selfUrl = 'https://ioc.binhphuoc.gov.vn/open/v1/warnings.atom';

  it('lists each warning once, linking its latest CAP message, the feed updated with the latest', () => {
    const first = { id: 'w1', latest: message(2, { msgType: 'UPDATE' }) };
    const second = {
      id: 'w2',
      latest: message(3, { identifier: 'urn:ioc-graph:70:warning:w2:1', content: { ...content, headlineEn: 'Storm & rain' } }),
    };
    const xml = renderCapAtom([first, second], selfUrl);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(childNames(xml, 'feed')).toEqual(['id', 'title', 'updated', 'author', 'link', 'entry', 'entry']);
    expect(textOf(xml, 'updated')[0]).toBe('2026-12-02T03:00:00.000Z');
    expect(xml).toContain(`<link rel="self" type="application/atom+xml" href="${selfUrl}"/>`);
    expect(xml).toContain(
      `<link rel="alternate" type="application/cap+xml" href="https://ioc.binhphuoc.gov.vn/open/v1/warnings/${encodeURIComponent(first.latest.identifier)}.cap"/>`,
    );
    expect(textOf(xml, 'id').slice(1)).toEqual([first.latest.identifier, 'urn:ioc-graph:70:warning:w2:1']);
    expect(xml).toContain('Storm &amp; rain');
  });

  it('is a valid empty feed when no warning is active', () => {
    const xml = renderCapAtom([], selfUrl);
    expect(childNames(xml, 'feed')).toEqual(['id', 'title', 'updated', 'author', 'link']);
    expect(textOf(xml, 'updated')).toEqual(['1970-01-01T00:00:00.000Z']);
  });
});
