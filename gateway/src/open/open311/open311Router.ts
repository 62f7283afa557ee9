import { ErrorCode, PUBLIC, type Identity } from '@ioc-graph/platform';
import express, { type Request, type RequestHandler, type Response } from 'express';
import { sendRepresentation } from '../conditional';
import { badOpenRequest, OpenRequestError } from '../openOperations';
import { openHandler, type OpenRouterContext } from '../openRoutes';
import { open311Refusal } from './errors';
import { POST_PARAMETERS, readBody, reportInput } from './submission';
import { COMMON, readList, readParameters, readWindow, type Parameters } from './parameters';
import {
  serviceNotice,
  STATUS_OF,
  toServiceRequest,
  type Open311Report,
  type PublishedRequestsData,
  type RequestsByCodeData,
} from './requests';
import { localeOf, serviceDefinition, toService, type Locale, type ServicesData } from './services';
import { toOpen311Xml, xmlDocument, type XmlValue } from './xml';

/** The spec this facade follows, and where it is served. */
export const OPEN311_SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
const BASE = '/open311/v2';

/** Requests per answer: `page_size` 1–100, default 50; later pages follow the `after` cursor of the `Link: rel="next"` header. */
export const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 50;
/** Tracking codes one `service_request_id` may list. */
export const MAX_REQUEST_IDS = 50;

const LIST_PARAMETERS = [...COMMON, 'service_request_id', 'service_code', 'start_date', 'end_date', 'status', 'page_size', 'after'];
/** The format of a resource, from its extension: Open311 serves every resource as JSON and as XML. */
function formatOf(req: Request): 'json' | 'xml' {
  const format = req.params.format;
  if (format !== 'json' && format !== 'xml') throw new OpenRequestError(404, ErrorCode.NOT_FOUND, 'Open311 resources end in .json or .xml');
  return format;
}

/** Sends records as JSON (an array) or as the spec's XML: `<root><item>…</item></root>`. */
function sendRecords(
  req: Request,
  res: Response,
  records: XmlValue[],
  xml: { root: string; item: string; itemOf?: Record<string, string> },
  options: { maxAgeSeconds: number; headers?: Record<string, string>; status?: number },
) {
  const asXml = formatOf(req) === 'xml';
  const body = asXml ? toOpen311Xml(xml.root, xml.item, records, xml.itemOf) : JSON.stringify(records);
  const contentType = asXml ? 'application/xml; charset=utf-8' : 'application/json; charset=utf-8';
  if (options.status)
    return void res
      .status(options.status)
      .type(contentType)
      .set(options.headers ?? {})
      .send(body);
  // Names follow the caller's language: a shared cache keeps one answer per Accept-Language.
  const headers = { vary: 'x-api-key, authorization, accept-language', ...options.headers };
  sendRepresentation(req, res, { body, contentType, maxAgeSeconds: options.maxAgeSeconds, headers });
}

/**
 * `api_key` is the spec's parameter for the key: given in the query or the form, it stands for the
 * `x-api-key` header (the header is preferred: a key in a URL ends up in logs).
 */
const apiKeyParameter: RequestHandler = (req, _res, next) => {
  const key = (req.body as Record<string, unknown> | undefined)?.api_key ?? req.query.api_key;
  if (typeof key === 'string' && key && req.header('x-api-key') === undefined) req.headers['x-api-key'] = key;
  next();
};

/** A tracking code as citizens write it: PA- and 8 letters or digits, in any case. */
const TRACKING_CODE = /^PA-[0-9A-Z]{8}$/i;

/** Requests by tracking code (`service_request_id`, or the `{id}` of one request): the spec says they override every filter. */
async function requestsByCode(context: OpenRouterContext, res: Response, codes: string[]): Promise<Open311Report[]> {
  const bad = codes.find((code) => !TRACKING_CODE.test(code));
  if (bad) throw badOpenRequest(`service_request_id must be tracking codes like PA-7K3M9QXR, not "${bad.slice(0, 40)}"`);
  const data = await context.open.run<RequestsByCodeData>(res, 'Open311RequestsByCode', { trackingCodes: codes });
  return data.citizenReports;
}

/** The published requests of one page, by the spec's filters; `status` is applied through the state table. */
async function publishedRequests(context: OpenRouterContext, req: Request, res: Response, parameters: Parameters) {
  const { from, to } = readWindow(parameters, new Date());
  const statuses = readList('status', parameters.status, 2);
  if (statuses?.some((status) => status !== 'open' && status !== 'closed')) throw badOpenRequest('status must be open, closed or both');
  const pageSize = parameters.page_size === undefined ? DEFAULT_PAGE_SIZE : Number(parameters.page_size);
  if (!/^\d{1,3}$/.test(parameters.page_size ?? '1') || !(pageSize >= 1 && pageSize <= MAX_PAGE_SIZE)) {
    throw badOpenRequest(`page_size must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
  if (parameters.after !== undefined && (parameters.after.length === 0 || parameters.after.length > 500)) {
    throw badOpenRequest('after must be the cursor of a previous answer’s Link header');
  }
  if (parameters.service_code !== undefined && !/^[A-Z][A-Z0-9_]{1,63}$/.test(parameters.service_code)) {
    throw badOpenRequest('service_code must be a code of services.json');
  }
  const wanted = (report: Open311Report) => !statuses || statuses.includes(STATUS_OF[report.status].status);
  // Only published requests are listed, and every published request is closed.
  if (statuses && !statuses.includes('closed')) return { reports: [], next: null };
  const filter = { categoryCode: parameters.service_code ?? null, receivedFrom: from.toISOString(), receivedTo: to.toISOString() };
  const data = await context.open.run<PublishedRequestsData>(res, 'Open311PublishedRequests', {
    first: pageSize,
    after: parameters.after ?? null,
    filter,
  });
  const { edges, pageInfo } = data.publishedCitizenReports;
  let next: string | null = null;
  if (pageInfo.hasNextPage && pageInfo.endCursor) {
    const url = new URL(`${context.publicUrl}${req.path}`);
    for (const [name, value] of Object.entries(parameters)) if (name !== 'after' && name !== 'api_key') url.searchParams.set(name, value);
    url.searchParams.set('page_size', String(pageSize));
    url.searchParams.set('after', pageInfo.endCursor);
    next = url.toString();
  }
  return { reports: edges.map((edge) => edge.node).filter(wanted), next };
}

/**
 * Open311 GeoReport v2 over citizen reports (phản ánh hiện trường), at `/open311/v2/`: the categories
 * citizens may report as services, a POST as a citizen report (same validation, limits and tracking
 * code), and the reports the public may see as service requests: published ones, or any by its tracking
 * code. Every answer comes from the persisted operations of gateway/open/operations/open311.graphql.
 */
export function open311Router(context: OpenRouterContext) {
  const router = express.Router();
  context.open.require('Open311Services', 'Open311SubmitRequest', 'Open311RequestsByCode', 'Open311PublishedRequests');
  const admit = context.admit('open311', open311Refusal);
  const handle = (route: (req: Request, res: Response) => Promise<void>) => openHandler(context, route, open311Refusal);

  const services = async (res: Response) => (await context.open.run<ServicesData>(res, 'Open311Services')).categories;
  const serviceRequests = (reports: Open311Report[], locale: Locale) => reports.map((report) => toServiceRequest(report, locale));

  router.get(
    `${BASE}/discovery.:format`,
    apiKeyParameter,
    admit,
    handle(async (req, res) => {
      readParameters(req.query, COMMON, 'discovery');
      const discovery = {
        changeset: '2026-12-01T00:00:00Z',
        contact: `${context.publicUrl}/`,
        key_service: `${context.publicUrl}/ (x-api-key with the open311 scope; none needed within the public rate limit)`,
        endpoints: [
          {
            specification: OPEN311_SPECIFICATION,
            url: `${context.publicUrl}${BASE}`,
            changeset: '2026-12-01T00:00:00Z',
            type: 'production',
            formats: ['application/json', 'text/xml'],
          },
        ],
      };
      const asXml = formatOf(req) === 'xml';
      const body = asXml ? xmlDocument('discovery', discovery, { endpoints: 'endpoint', formats: 'format' }) : JSON.stringify(discovery);
      sendRepresentation(req, res, {
        body,
        contentType: asXml ? 'application/xml; charset=utf-8' : 'application/json; charset=utf-8',
        maxAgeSeconds: 3600,
      });
    }),
  );

  router.get(
    `${BASE}/services.:format`,
    apiKeyParameter,
    admit,
    handle(async (req, res) => {
      readParameters(req.query, COMMON, 'services');
      const locale = localeOf(req);
      const records = (await services(res)).map((category) => toService(category, locale));
      context.open.countRows(res, records.length);
      sendRecords(req, res, records, { root: 'services', item: 'service' }, { maxAgeSeconds: 300 });
    }),
  );

  router.get(
    `${BASE}/services/:code.:format`,
    apiKeyParameter,
    admit,
    handle(async (req, res) => {
      readParameters(req.query, COMMON, 'a service definition');
      const category = (await services(res)).find((candidate) => candidate.code === req.params.code);
      if (!category)
        throw new OpenRequestError(404, ErrorCode.NOT_FOUND, `No service ${String(req.params.code).slice(0, 64)}; see services.json`);
      const definition = serviceDefinition(category);
      if (formatOf(req) === 'xml') {
        const body = xmlDocument('service_definition', definition, { attributes: 'attribute', values: 'value' });
        return sendRepresentation(req, res, { body, contentType: 'application/xml; charset=utf-8', maxAgeSeconds: 300 });
      }
      sendRepresentation(req, res, {
        body: JSON.stringify(definition),
        contentType: 'application/json; charset=utf-8',
        maxAgeSeconds: 300,
      });
    }),
  );

  router.post(
    `${BASE}/requests.:format`,
    readBody(),
    apiKeyParameter,
    admit,
    handle(async (req, res) => {
      formatOf(req);
      if (Object.keys(req.query).length) throw badOpenRequest('Send the parameters of a new request in the body, not the URL');
      const parameters = readParameters(req.body, POST_PARAMETERS, 'requests', true);
      if (!parameters.service_code) throw badOpenRequest('service_code is required: a code of services.json');
      const locale = localeOf(req);
      const category = (await services(res)).find((candidate) => candidate.code === parameters.service_code);
      if (!category) throw badOpenRequest(`No service ${parameters.service_code.slice(0, 64)}; see services.json`);
      const input = reportInput(parameters, category.id);
      const { submitCitizenReport } = await context.open.run<{ submitCitizenReport: { trackingCode: string } }>(
        res,
        'Open311SubmitRequest',
        { input },
        // The report is the citizen's, whoever relays it: a partner's key admits the request, never a partner's report.
        { as: { ...PUBLIC, client: (res.locals.identity as Identity).client } },
      );
      context.open.countRows(res, 1);
      const created = {
        service_request_id: submitCitizenReport.trackingCode,
        service_notice: serviceNotice(locale),
        account_id: parameters.account_id ?? null,
      };
      sendRecords(req, res, [created], { root: 'service_requests', item: 'request' }, { maxAgeSeconds: 0, status: 201 });
    }),
  );

  router.get(
    `${BASE}/requests.:format`,
    apiKeyParameter,
    admit,
    handle(async (req, res) => {
      formatOf(req);
      const parameters = readParameters(req.query, LIST_PARAMETERS, 'requests');
      const locale = localeOf(req);
      const codes = readList('service_request_id', parameters.service_request_id, MAX_REQUEST_IDS);
      const { reports, next } = codes
        ? { reports: await requestsByCode(context, res, codes), next: null }
        : await publishedRequests(context, req, res, parameters);
      context.open.countRows(res, reports.length);
      const headers: Record<string, string> = next ? { link: `<${next}>; rel="next"` } : {};
      sendRecords(
        req,
        res,
        serviceRequests(reports, locale),
        { root: 'service_requests', item: 'request' },
        { maxAgeSeconds: codes ? 0 : 60, headers },
      );
    }),
  );

  router.get(
    `${BASE}/requests/:id.:format`,
    apiKeyParameter,
    admit,
    handle(async (req, res) => {
      formatOf(req);
      readParameters(req.query, COMMON, 'a request');
      const id = String(req.params.id);
      const [report] = TRACKING_CODE.test(id) ? await requestsByCode(context, res, [id]) : [];
      if (!report) throw new OpenRequestError(404, ErrorCode.NOT_FOUND, `No service request ${id.slice(0, 40)}`);
      context.open.countRows(res, 1);
      sendRecords(req, res, serviceRequests([report], localeOf(req)), { root: 'service_requests', item: 'request' }, { maxAgeSeconds: 0 });
    }),
  );

  // Anything else under /open311/v2 is answered in the spec's format rather than the hub's.
  router.all(`${BASE}/*rest`, (_req, res) =>
    open311Refusal(res, new OpenRequestError(404, ErrorCode.NOT_FOUND, 'No such Open311 resource')),
  );
  return router;
}
