/** A value of an Open311 answer: XML elements are written from the same records as the JSON. */
export type XmlValue = string | number | boolean | null | undefined | XmlValue[] | { [name: string]: XmlValue };

// Characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF): dropped.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Text as XML element content (and attribute value): markup characters escaped, impossible characters dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * One element `<name>…</name>`: a record becomes its fields as child elements, a list repeats `item` (the
 * spec's `<service>`, `<request>`, `<error>`, `<attribute>`, `<value>`), null an empty element.
 */
function element(name: string, value: XmlValue, item: (list: string) => string): string {
  if (value === null || value === undefined) return `<${name}></${name}>`;
  if (Array.isArray(value)) return `<${name}>${value.map((entry) => element(item(name), entry, item)).join('')}</${name}>`;
  if (typeof value === 'object') {
    const children = Object.entries(value).map(([child, inner]) => element(child, inner, item));
    return `<${name}>${children.join('')}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/**
 * An XML document of one root element `root` holding `value`; the items of a list are named by `itemOf`
 * (by the list's own name), e.g. `{ services: 'service' }` gives `<services><service>…</service></services>`.
 */
export function xmlDocument(root: string, value: XmlValue, itemOf: Record<string, string> = {}): string {
  return `<?xml version="1.0" encoding="utf-8"?>${element(root, value, (list) => itemOf[list] ?? 'item')}`;
}

/** The spec's list documents: `<service_requests><request>…</request></service_requests>`, `<errors><error>…`. */
export const toOpen311Xml = (root: string, itemName: string, records: XmlValue[], itemOf: Record<string, string> = {}) =>
  xmlDocument(root, records, { ...itemOf, [root]: itemName });
