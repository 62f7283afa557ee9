import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';

export interface Representation {
  /** The whole body, already rendered. */
  body: string | Buffer;
  contentType: string;
  /** When the newest record in it changed, when the records say; sent as `Last-Modified`. */
  lastModified?: Date | null;
  /**
   * How long a client or proxy may use it without asking again, in seconds: the cache hint of the
   * data it was made from. 0: `no-cache` (keep it, but ask again with `If-None-Match`).
   */
  maxAgeSeconds?: number;
  /** Extra headers (`Link`, `Content-Disposition`). */
  headers?: Record<string, string>;
}

const httpDate = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000).toUTCString();

/**
 * Sends a representation with its validators (`ETag` over the body, `Last-Modified` when known) and its
 * `Cache-Control`, or `304 Not Modified` when the client's `If-None-Match` (or, without one,
 * `If-Modified-Since`) shows it already holds it. Answers to a key are `private`: a shared cache must not
 * hand one partner's answer to another; answers to the public are `public`.
 */
export function sendRepresentation(req: Request, res: Response, representation: Representation): void {
  const body = typeof representation.body === 'string' ? Buffer.from(representation.body, 'utf8') : representation.body;
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  const visibility = res.locals.apiKey ? 'private' : 'public';
  const maxAge = Math.max(0, Math.floor(representation.maxAgeSeconds ?? 0));
  res.set({
    etag,
    'cache-control': maxAge > 0 ? `${visibility}, max-age=${maxAge}` : `${visibility}, no-cache`,
    vary: 'x-api-key, authorization',
    ...representation.headers,
  });
  if (representation.lastModified) res.set('last-modified', httpDate(representation.lastModified));
  const ifNoneMatch = req.header('if-none-match');
  const ifModifiedSince = req.header('if-modified-since');
  const notModified = ifNoneMatch
    ? ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*')
    : Boolean(
        ifModifiedSince &&
        representation.lastModified &&
        Math.floor(representation.lastModified.getTime() / 1000) * 1000 <= Date.parse(ifModifiedSince),
      );
  if (notModified) return void res.status(304).end();
  res.status(200).type(representation.contentType).send(body);
}
