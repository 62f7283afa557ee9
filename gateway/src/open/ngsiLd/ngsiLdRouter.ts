import express, { type Request, type Response } from 'express';
import { sendRepresentation } from '../conditional';
import { openHandler, type OpenRouterContext } from '../openRoutes';
import type { NgsiEntity, NgsiEntityType } from './entity';
import { matchesGeoQuery } from './geoQuery';
import { isEntityId, parseEntityParameters, parseEntityQuery } from './parameters';
import { badRequestData, ngsiLdRefusal, operationNotSupported, resourceNotFound } from './problems';
import { matchesQ } from './query';
import { negotiate, render, representationHeaders, type MediaType } from './representation';

/** Seconds a client may keep an answer: the sensors' own cache hint (stations and cameras are cached a minute). */
const MAX_AGE_SECONDS = 60;

/** The entity types a request names (short names or full URIs); a name the hub does not serve matches nothing. */
function typesNamed(types: readonly NgsiEntityType[], names: readonly string[] | undefined, ids: readonly string[] | undefined) {
  if (names) return types.filter((type) => names.includes(type.name) || names.includes(type.uri));
  // Without `type`, the ids' own URNs say which types to read.
  return types.filter((type) => ids!.some((id) => id.startsWith(`urn:ngsi-ld:${type.name}:`)));
}

/** What a read route answers: the body, the entities in it (for the key's usage) and extra headers. */
interface Answer {
  body: unknown;
  rows: number;
  headers?: Record<string, string>;
}

/** Every entity of `types`, read for the caller through their persisted operations, by id. */
async function readEntities(context: OpenRouterContext, res: Response, types: readonly NgsiEntityType[]): Promise<NgsiEntity[]> {
  const read = await Promise.all(types.map(async (type) => type.entities(await context.open.run(res, type.operation))));
  return read.flat().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * A read-only NGSI-LD API (ETSI GS CIM 009) over the hub's sensors, for FIWARE-compatible consumers:
 * `GET /ngsi-ld/v1/entities` (type, id, q, attrs, georel near/within, limit, offset, count, keyValues)
 * and `GET /ngsi-ld/v1/entities/{id}`. Entities are read whole per type and filtered here (a province has
 * tens of stations and cameras); every refusal is NGSI-LD ProblemDetails. Other NGSI-LD operations
 * (writes, subscriptions, temporal) answer OperationNotSupported.
 */
export function ngsiLdRouter(types: readonly NgsiEntityType[]) {
  return (context: OpenRouterContext) => {
    const router = express.Router();
    context.open.require(...types.map((type) => type.operation));
    const admit = context.admit('ngsi-ld', ngsiLdRefusal);

    /** A read route: admitted, answered in the negotiated media type with validators, refused as ProblemDetails. */
    const read = (path: string, answer: (req: Request, res: Response, mediaType: MediaType) => Promise<Answer>) =>
      router.get(
        path,
        admit,
        openHandler(
          context,
          async (req, res) => {
            const mediaType = negotiate(req);
            const { body, rows, headers } = await answer(req, res, mediaType);
            context.open.countRows(res, rows);
            sendRepresentation(req, res, {
              body: JSON.stringify(body),
              contentType: mediaType,
              maxAgeSeconds: MAX_AGE_SECONDS,
              headers: { ...representationHeaders(mediaType), ...headers },
            });
          },
          ngsiLdRefusal,
        ),
      );

    read('/ngsi-ld/v1/entities', async (req, res, mediaType) => {
      const query = parseEntityQuery(req.query);
      const entities = (await readEntities(context, res, typesNamed(types, query.types, query.ids))).filter(
        (entity) =>
          (!query.ids || query.ids.includes(entity.id)) &&
          (!query.attrs || query.attrs.some((name) => name in entity.attributes)) &&
          matchesQ(entity, query.conditions) &&
          (!query.geo || matchesGeoQuery(entity, query.geo)),
      );
      const page = entities.slice(query.offset, query.offset + query.limit);
      return {
        body: page.map((entity) => render(entity, { ...query, mediaType })),
        rows: page.length,
        headers: query.count ? { 'ngsi-ld-results-count': String(entities.length) } : undefined,
      };
    });

    read('/ngsi-ld/v1/entities/:id', async (req, res, mediaType) => {
      const id = String(req.params.id);
      if (!isEntityId(id)) throw badRequestData('An entity id is a URI, e.g. urn:ngsi-ld:AirQualityObserved:BP-KK-DX01');
      const parameters = parseEntityParameters(req.query);
      const entity = (await readEntities(context, res, typesNamed(types, parameters.types, [id]))).find((each) => each.id === id);
      if (!entity) throw resourceNotFound(`No entity ${id}`);
      return { body: render(entity, { ...parameters, mediaType }), rows: 1 };
    });

    router.all('/ngsi-ld/*rest', (req, res) =>
      ngsiLdRefusal(
        res,
        operationNotSupported(`${req.method} ${req.path} is not supported: this NGSI-LD API reads entities (GET /ngsi-ld/v1/entities)`),
      ),
    );
    return router;
  };
}
