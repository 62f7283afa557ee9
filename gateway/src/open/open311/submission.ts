import { ErrorCode } from '@ioc-graph/platform';
import express, { type RequestHandler } from 'express';
import { badOpenRequest, OpenRequestError } from '../openOperations';
import { open311Refusal } from './errors';
import { COMMON, type Parameters } from './parameters';

/** What a citizen sends to `POST requests.json`, and how it becomes the hub's `CitizenReportInput`. */

/** Bodies of POST requests.json: a report's text is at most 4,000 characters. */
const MAX_BODY = '32kb';

export const POST_PARAMETERS = [
  ...COMMON,
  'service_code',
  'lat',
  'long',
  'address_string',
  'address_id',
  'email',
  'device_id',
  'account_id',
  'first_name',
  'last_name',
  'phone',
  'description',
  'media_url',
];

/** The body of a POST, form-encoded (as the spec says) or JSON; any other type or a malformed body is a 400 in the spec's format. */
export function readBody(): RequestHandler {
  const form = express.urlencoded({ extended: false, limit: MAX_BODY, parameterLimit: 100 });
  const json = express.json({ limit: MAX_BODY });
  return (req, res, next) => {
    const parse = req.is('application/json') ? json : req.is('application/x-www-form-urlencoded') ? form : null;
    if (!parse) {
      return open311Refusal(res, badOpenRequest('Send the request as application/x-www-form-urlencoded or application/json'));
    }
    parse(req, res, (error?: unknown) => {
      if (!error) return next();
      const tooLarge = (error as { type?: string }).type === 'entity.too.large';
      open311Refusal(
        res,
        tooLarge
          ? new OpenRequestError(413, ErrorCode.BAD_USER_INPUT, `The body may be at most ${MAX_BODY}`)
          : badOpenRequest('The body is not a well-formed form or JSON object'),
      );
    });
  };
}

function readNumber(name: string, value: string, min: number, max: number): number {
  const number = /^-?\d{1,3}(\.\d{1,15})?$/.test(value.trim()) ? Number(value) : NaN;
  if (!(number >= min && number <= max)) throw badOpenRequest(`${name} must be a number from ${min} to ${max} (WGS 84 decimal degrees)`);
  return number;
}

/** The citizen report a POST asks for (`CitizenReportInput`); the hub's own validation and limits follow. */
export function reportInput(parameters: Parameters, categoryId: string) {
  const attribute = Object.keys(parameters).find((name) => name.startsWith('attribute['));
  if (attribute)
    throw badOpenRequest(`${parameters.service_code} takes no attributes (its definition lists none): ${attribute.slice(0, 100)}`);
  if (parameters.address_id !== undefined) throw badOpenRequest('address_id is not supported here: give lat and long, or address_string');
  const hasPoint = parameters.lat !== undefined || parameters.long !== undefined;
  if (hasPoint && (parameters.lat === undefined || parameters.long === undefined)) throw badOpenRequest('Give lat and long together');
  if (!hasPoint && !parameters.address_string?.trim()) throw badOpenRequest('Say where: lat and long, or address_string');
  if (!parameters.description?.trim()) throw badOpenRequest('description is required: what is wrong');
  const location = hasPoint
    ? { latitude: readNumber('lat', parameters.lat, -90, 90), longitude: readNumber('long', parameters.long, -180, 180) }
    : undefined;
  const name = [parameters.first_name, parameters.last_name]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
  const contact = { name: name || undefined, phone: parameters.phone?.trim() || undefined, email: parameters.email?.trim() || undefined };
  return {
    categoryId,
    description: parameters.description,
    place: parameters.address_string?.trim() || undefined,
    location,
    photoUrls: parameters.media_url?.trim() ? [parameters.media_url.trim()] : undefined,
    contact: contact.name || contact.phone || contact.email ? contact : undefined,
  };
}
