import express, { type Request, type Response } from 'express';
import { badOpenRequest, OpenRequestError } from '../openOperations';
import { openHandler, type OpenRouterContext } from '../openRoutes';
import { sendRepresentation } from '../conditional';
import { toCsv, toFeatureCollection } from '../formats';
import { OPEN_DATA_LICENCE, type Dataset } from './dataset';
import { ErrorCode } from '@ioc-graph/platform';

/** Records per answer: `limit` (1–1000, default 100); larger exports follow the `next` links. */
export const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 100;
/** Records per GraphQL page: the subgraphs' own largest page. */
const GRAPHQL_PAGE = 100;

const FORMATS = ['json', 'csv', 'geojson'] as const;
type Format = (typeof FORMATS)[number];

function readLimit(value: unknown): number {
  if (value === undefined) return DEFAULT_LIMIT;
  const limit = typeof value === 'string' && /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(limit >= 1 && limit <= MAX_LIMIT)) throw badOpenRequest(`limit must be a whole number from 1 to ${MAX_LIMIT}`);
  return limit;
}

/** The dataset's operation variables from the query string; an unknown, repeated or overlong parameter is refused. */
function filterVariables(dataset: Dataset<never>, query: Request['query']): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(query)) {
    if (name === 'limit' || name === 'after') continue;
    const filter = dataset.filters?.[name];
    const known = ['limit', 'after', ...Object.keys(dataset.filters ?? {})].join(', ');
    if (!filter) throw badOpenRequest(`Unknown parameter "${name}"; ${dataset.name} takes ${known}`);
    if (typeof value !== 'string' || value.length > 200)
      throw badOpenRequest(`${name} must be given once, as text of at most 200 characters`);
    Object.assign(variables, filter.variables(value));
  }
  return variables;
}

/** The cursor of a `list` dataset: the position of the next record, opaque to the caller. */
const listCursor = (position: number) => Buffer.from(`list:${position}`).toString('base64url');

function listPosition(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = /^list:(\d{1,7})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badOpenRequest('after must be the cursor of a previous answer');
  return Number(match[1]);
}

/**
 * Reads up to `limit` records of a dataset for the caller, page by page through its persisted operation.
 * An answer is built whole before it is sent, so that it has an ETag and a failure is a status code,
 * never a short file that looks complete; larger exports follow the cursor in `next`.
 */
async function readRecords(context: OpenRouterContext, res: Response, dataset: Dataset<never>, query: Request['query']) {
  const limit = readLimit(query.limit);
  const after = query.after;
  if (after !== undefined && (typeof after !== 'string' || after.length === 0 || after.length > 500)) {
    throw badOpenRequest('after must be the cursor of a previous answer');
  }
  let filters = filterVariables(dataset, query);
  if (dataset.complete) filters = dataset.complete(filters, new Date());
  // A default the dataset filled in (a window ending now) is pinned in the next link: the next page must
  // continue the same records, not those of a window that has moved on meanwhile.
  const pinned: Record<string, string> = {};
  for (const name of Object.keys(dataset.filters ?? {}))
    if (query[name] === undefined && typeof filters[name] === 'string') pinned[name] = filters[name] as string;
  if (dataset.paging === 'list') {
    const start = listPosition(after as string | undefined);
    const all = dataset.page(await context.open.run(res, dataset.operation, filters), filters).rows;
    if (start > all.length) throw badOpenRequest('after must be the cursor of a previous answer');
    const end = Math.min(all.length, start + limit);
    return { rows: all.slice(start, end), next: end < all.length ? listCursor(end) : undefined, limit, pinned };
  }
  const rows: unknown[] = [];
  let cursor = after as string | undefined;
  let more = true;
  while (more && rows.length < limit) {
    const first = Math.min(dataset.graphqlPage ?? GRAPHQL_PAGE, limit - rows.length);
    const data = await context.open.run(res, dataset.operation, { ...filters, first, after: cursor ?? null });
    const page = dataset.page(data, filters);
    rows.push(...page.rows);
    cursor = page.endCursor ?? undefined;
    more = page.endCursor !== null && page.rows.length > 0;
  }
  return { rows: rows as never[], next: more ? cursor : undefined, limit, pinned };
}

function nextUrl(
  context: OpenRouterContext,
  req: Request,
  dataset: Dataset<never>,
  format: Format,
  page: { next: string; limit: number; pinned: Record<string, string> },
) {
  const { next: cursor, limit, pinned } = page;
  const url = new URL(`${context.publicUrl}/open/v1/${dataset.name}.${format}`);
  for (const [name, value] of Object.entries({ ...req.query, ...pinned }))
    if (name !== 'after' && typeof value === 'string') url.searchParams.set(name, value);
  url.searchParams.set('limit', String(limit));
  url.searchParams.set('after', cursor);
  return url.toString();
}

/** `GET /open/v1/<dataset>.<json|csv|geojson>` for each of `datasets`. */
export function exportRouter(datasets: readonly Dataset<never>[]) {
  return (context: OpenRouterContext) => {
    const router = express.Router();
    context.open.require(...datasets.map((dataset) => dataset.operation));
    for (const dataset of datasets) {
      const formats: Format[] = dataset.place ? [...FORMATS] : ['json', 'csv'];
      router.get(
        `/open/v1/${dataset.name}.:format`,
        context.admit(dataset.scope),
        openHandler(context, async (req, res) => {
          const format = req.params.format as Format;
          if (!formats.includes(format)) {
            throw new OpenRequestError(404, ErrorCode.NOT_FOUND, `${dataset.name} is published as ${formats.join(', ')}`);
          }
          const { rows, next, limit, pinned } = await readRecords(context, res, dataset, req.query);
          context.open.countRows(res, rows.length);
          const nextLink = next ? nextUrl(context, req, dataset, format, { next, limit, pinned }) : null;
          const modified = dataset.modified ? rows.map((row) => dataset.modified!(row)).filter((at): at is string => Boolean(at)) : [];
          const lastModified = modified.length ? new Date(Math.max(...modified.map((at) => Date.parse(at)))) : null;
          const headers: Record<string, string> = nextLink ? { link: `<${nextLink}>; rel="next"` } : {};
          const common = { lastModified, maxAgeSeconds: dataset.maxAgeSeconds };
          if (format === 'csv') {
            headers['content-disposition'] = `attachment; filename="${dataset.name}.csv"`;
            return sendRepresentation(req, res, {
              ...common,
              headers,
              contentType: 'text/csv; charset=utf-8',
              body: toCsv(dataset.columns, rows),
            });
          }
          const meta = { dataset: dataset.name, licence: OPEN_DATA_LICENCE.url, next: nextLink };
          if (format === 'geojson') {
            const collection = toFeatureCollection(rows, dataset.place!, (row) => propertiesOf(dataset, row), dataset.id);
            return sendRepresentation(req, res, {
              ...common,
              headers,
              contentType: 'application/geo+json',
              body: JSON.stringify({ ...collection, ...meta }),
            });
          }
          const items = rows.map((row) => propertiesOf(dataset, row));
          sendRepresentation(req, res, { ...common, headers, contentType: 'application/json', body: JSON.stringify({ ...meta, items }) });
        }),
      );
    }
    return router;
  };
}

/** A record as its columns name it: the JSON and GeoJSON forms say what the CSV says. */
function propertiesOf(dataset: Dataset<never>, row: never): Record<string, unknown> {
  return Object.fromEntries(dataset.columns.map((column) => [column.name, column.value(row) ?? null]));
}
