/**
 * The little XML the open formats need, written by hand: text and attribute values escaped, nothing
 * else. Characters XML 1.0 forbids (most C0 controls) are dropped, since a parser would refuse the
 * whole document for one of them.
 */

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text or an attribute value as XML: & < > " ' escaped, forbidden characters dropped. */
export const escapeXml = (text: string): string => text.replace(FORBIDDEN, '').replace(/[&<>"']/g, (c) => ENTITIES[c]);

/** `<name>text</name>`, or nothing when there is no text. */
export const element = (name: string, text: string | null | undefined): string =>
  text === null || text === undefined || text === '' ? '' : `<${name}>${escapeXml(text)}</${name}>`;

/** `<name>children</name>` around elements already written. */
export const wrap = (name: string, children: string[], attributes = ''): string => `<${name}${attributes}>${children.join('')}</${name}>`;

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
