import type { Request } from 'express';
import { parseGeoQuery, type GeoQuery } from './geoQuery';
import { parseQ, type Condition } from './query';
import { badRequestData } from './problems';

/** Entities per answer: `limit` 0–1000 (0 only with `count=true`), default 20. */
export const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 20;
const MAX_OFFSET = 100_000;
const MAX_PARAMETER_LENGTH = 20_000;
const MAX_LIST = 100;

const QUERY_PARAMETERS = [
  'type',
  'id',
  'q',
  'attrs',
  'georel',
  'geometry',
  'coordinates',
  'geoproperty',
  'limit',
  'offset',
  'count',
  'options',
  'format',
];
const ENTITY_PARAMETERS = ['type', 'attrs', 'options', 'format'];

/** What `GET /ngsi-ld/v1/entities` was asked. */
export interface EntityQuery {
  types?: string[];
  ids?: string[];
  conditions: Condition[];
  attrs?: string[];
  geo: GeoQuery | null;
  limit: number;
  offset: number;
  count: boolean;
  keyValues: boolean;
}

/** The query string as single texts; an unknown, repeated or overlong parameter is refused. */
function textParameters(query: Request['query'], allowed: readonly string[]): Record<string, string | undefined> {
  const texts: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    if (!allowed.includes(name)) throw badRequestData(`Unknown parameter "${name}"; this endpoint takes ${allowed.join(', ')}`);
    if (typeof value !== 'string' || value.length > MAX_PARAMETER_LENGTH) {
      throw badRequestData(`${name} must be given once, as text of at most ${MAX_PARAMETER_LENGTH} characters`);
    }
    texts[name] = value;
  }
  return texts;
}

function list(name: string, value: string | undefined, item: RegExp, what: string): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',');
  if (items.length > MAX_LIST) throw badRequestData(`${name} lists at most ${MAX_LIST} items`);
  for (const entry of items)
    if (!item.test(entry)) throw badRequestData(`${name} must be a comma-separated list of ${what}; "${entry}" is not one`);
  return items;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;
const TYPE = /^([A-Za-z_][A-Za-z0-9_]{0,99}|https?:\/\/[\w.\-/:#~]{1,300})$/;
const URI = /^[A-Za-z][A-Za-z0-9+.-]{0,30}:[^\s,]{1,500}$/;

function whole(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d{1,7}$/.test(value) || Number(value) > max) throw badRequestData(`${name} must be a whole number from 0 to ${max}`);
  return Number(value);
}

/** `options=keyValues` (or `format=simplified`/`keyValues`) asks for the simplified form; normalized is the default. */
function keyValuesOf(options: string | undefined, format: string | undefined): boolean {
  const flags = options === undefined ? [] : options.split(',');
  for (const flag of flags) {
    if (!['keyValues', 'normalized'].includes(flag)) throw badRequestData(`options takes keyValues or normalized, not "${flag}"`);
  }
  if (format !== undefined && !['simplified', 'keyValues', 'normalized'].includes(format)) {
    throw badRequestData('format must be normalized, simplified or keyValues');
  }
  const simplified = flags.includes('keyValues') || format === 'simplified' || format === 'keyValues';
  if (simplified && (flags.includes('normalized') || format === 'normalized'))
    throw badRequestData('Ask for either normalized or keyValues');
  return simplified;
}

export function parseEntityQuery(query: Request['query']): EntityQuery {
  const texts = textParameters(query, QUERY_PARAMETERS);
  const types = list('type', texts.type, TYPE, 'entity types');
  const ids = list('id', texts.id, URI, 'entity ids (URIs)');
  if (!types && !ids) throw badRequestData('Give type (e.g. type=AirQualityObserved) or id');
  if (texts.count !== undefined && !['true', 'false'].includes(texts.count)) throw badRequestData('count must be true or false');
  const count = texts.count === 'true';
  const limit = whole('limit', texts.limit, DEFAULT_LIMIT, MAX_LIMIT);
  if (limit === 0 && !count) throw badRequestData('limit=0 asks only for the count: add count=true');
  return {
    types,
    ids,
    conditions: texts.q === undefined ? [] : parseQ(texts.q),
    attrs: list('attrs', texts.attrs, NAME, 'attribute names'),
    geo: parseGeoQuery(texts),
    limit,
    offset: whole('offset', texts.offset, 0, MAX_OFFSET),
    count,
    keyValues: keyValuesOf(texts.options, texts.format),
  };
}

/** The parameters of `GET /ngsi-ld/v1/entities/{id}`. */
export function parseEntityParameters(query: Request['query']) {
  const texts = textParameters(query, ENTITY_PARAMETERS);
  return {
    types: list('type', texts.type, TYPE, 'entity types'),
    attrs: list('attrs', texts.attrs, NAME, 'attribute names'),
    keyValues: keyValuesOf(texts.options, texts.format),
  };
}

export const isEntityId = (id: string) => URI.test(id);
