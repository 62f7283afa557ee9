import type { Response } from 'express';
import type { RefusalRenderer } from '../../admission';
import type { OpenRequestError } from '../openOperations';
import { toOpen311Xml } from './xml';

/** Whether the request asked for XML: its path ends in `.xml` (every Open311 resource has a format extension). */
export const wantsXml = (res: Response) => /\.xml$/i.test(res.req.path);

/**
 * Open311's error format, in the format the request asked for: `[{ "code": 404, "description": "…" }]` or
 * `<errors><error><code>404</code><description>…</description></error></errors>`, with the HTTP status
 * of the refusal; admission's RateLimit-* and Retry-After headers stay on the answer.
 */
export const open311Refusal: RefusalRenderer = (res: Response, refusal: OpenRequestError) => {
  const error = { code: refusal.status, description: refusal.message };
  res.status(refusal.status);
  if (refusal.status === 429 && !res.get('retry-after') && refusal.retryAfterSeconds)
    res.set('retry-after', String(refusal.retryAfterSeconds));
  if (wantsXml(res)) return void res.type('application/xml').send(toOpen311Xml('errors', 'error', [error]));
  res.json([error]);
};
