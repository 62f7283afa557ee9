import { CAP_MEDIA_TYPE } from './capMessage';
import { element, escapeXml, wrap, XML_DECLARATION } from './xml';

export const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';
export const ATOM_MEDIA_TYPE = 'application/atom+xml';

/** A warning as the Atom index lists it: its latest CAP message and what that said. */
export interface CapAtomWarning {
  /** The warning's id. */
  id: string;
  /** The latest CAP message of the warning. */
  latest: {
    identifier: string;
    /** ISO 8601 instant. */
    sent: string;
    content: { headlineVi: string; headlineEn: string; descriptionVi: string };
  };
}

export interface CapAtomOptions {
  /** The feed's title. @default 'Cảnh báo công khai — Public warnings' */
  title?: string;
  /** The feed's author. @default 'Trung tâm IOC tỉnh Bình Phước' */
  author?: string;
  /** The feed's `updated` when it lists nothing (an instant, ISO 8601). @default the Unix epoch */
  emptyUpdated?: string;
}

/** Where a CAP message is served, next to the index: `<…>/warnings/<identifier>.cap`. */
export const capMessageUrl = (selfUrl: string, identifier: string): string =>
  new URL(`warnings/${encodeURIComponent(identifier)}.cap`, selfUrl).toString();

/**
 * The Atom index of public warnings (the CAP feed convention alerting hubs read): one entry per
 * warning, named by its latest CAP message's identifier, linking that message. Times are UTC (Atom's
 * RFC 3339), the feed's `updated` the latest of its entries'. Pure.
 */
export function renderCapAtom(warnings: CapAtomWarning[], selfUrl: string, options: CapAtomOptions = {}): string {
  const updated =
    warnings
      .map((w) => new Date(w.latest.sent).toISOString())
      .sort()
      .at(-1) ?? new Date(options.emptyUpdated ?? 0).toISOString();
  const entries = warnings.map(({ latest }) =>
    wrap('entry', [
      element('id', latest.identifier),
      element('title', `${latest.content.headlineVi} — ${latest.content.headlineEn}`),
      element('updated', new Date(latest.sent).toISOString()),
      element('summary', latest.content.descriptionVi),
      `<link rel="alternate" type="${CAP_MEDIA_TYPE}" href="${escapeXml(capMessageUrl(selfUrl, latest.identifier))}"/>`,
    ]),
  );
  return (
    XML_DECLARATION +
    wrap(
      'feed',
      [
        element('id', selfUrl),
        element('title', options.title ?? 'Cảnh báo công khai — Public warnings'),
        element('updated', updated),
        wrap('author', [element('name', options.author ?? 'Trung tâm IOC tỉnh Bình Phước')]),
        `<link rel="self" type="${ATOM_MEDIA_TYPE}" href="${escapeXml(selfUrl)}"/>`,
        ...entries,
      ],
      ` xmlns="${ATOM_NAMESPACE}"`,
    )
  );
}
