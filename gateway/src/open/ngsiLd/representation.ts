import type { Request } from 'express';
import type { NgsiEntity } from './entity';
import { NgsiLdError } from './problems';
import { ErrorCode } from '@ioc-graph/platform';

/** The NGSI-LD core context (never fetched here: the terms of this API are Smart Data Models short names). */
export const CORE_CONTEXT = 'https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld';
/** The Smart Data Models context that defines AirQualityObserved, WaterObserved, TrafficFlowObserved and their attributes. */
export const SMART_DATA_MODELS_CONTEXT = 'https://smartdatamodels.org/context.jsonld';
export const CONTEXT_LINK = `<${SMART_DATA_MODELS_CONTEXT}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"`;

export type MediaType = 'application/json' | 'application/ld+json';

/**
 * The answer's media type from `Accept` (ETSI GS CIM 009 §6.3.6): `application/ld+json` carries its
 * `@context` inline; `application/json` (the default, and for `*∕*`) points to it with a `Link` header.
 */
export function negotiate(req: Request): MediaType {
  const accept = req.header('accept');
  if (!accept) return 'application/json';
  const ranges = accept.split(',').map((range) => range.split(';')[0].trim().toLowerCase());
  const chosen = ranges.find((range) => ['application/json', 'application/ld+json', 'application/*', '*/*'].includes(range));
  if (!chosen)
    throw new NgsiLdError(406, ErrorCode.BAD_REQUEST, 'InvalidRequest', 'This API answers application/json or application/ld+json');
  return chosen === 'application/ld+json' ? 'application/ld+json' : 'application/json';
}

export interface RenderOptions {
  keyValues: boolean;
  /** Only these attributes (`attrs`); all when absent. */
  attrs?: readonly string[];
  mediaType: MediaType;
}

/** An entity in the normalized or the simplified (keyValues) form, projected to `attrs`. */
export function render(entity: NgsiEntity, options: RenderOptions): Record<string, unknown> {
  const body: Record<string, unknown> = { id: entity.id, type: entity.type };
  for (const [name, attribute] of Object.entries(entity.attributes)) {
    if (options.attrs && !options.attrs.includes(name)) continue;
    body[name] = options.keyValues ? attribute.value : attribute;
  }
  if (options.mediaType === 'application/ld+json') body['@context'] = [SMART_DATA_MODELS_CONTEXT, CORE_CONTEXT];
  return body;
}

/** Headers of an answer in `mediaType`: the context's `Link` for plain JSON, and `Vary: Accept`. */
export function representationHeaders(mediaType: MediaType): Record<string, string> {
  return {
    vary: 'x-api-key, authorization, accept',
    ...(mediaType === 'application/json' ? { link: CONTEXT_LINK } : {}),
  };
}
