import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import type { Client } from 'graphql-ws';

/** Every subscription of the hub takes `after` and each event carries its `cursor`. */
export type Resumable = { after?: string | null };

/** The codes after which a stream is asked again from its last cursor rather than given up. */
const RESUMABLE_CODES = new Set(['UNAVAILABLE', 'SUBSCRIBER_OVERFLOW', 'INTERNAL', 'RATE_LIMITED']);

/**
 * Follows a subscription and resumes it after every interruption from the last event received, so that
 * nothing is missed and nothing comes twice: after a dropped socket (graphql-ws sends the same payload
 * object again when it reconnects, and that payload's `after` is kept at the last cursor), after a new
 * token (the socket is reopened), and after the hub ends the stream with a resumable error (it names the
 * cursor to resume from).
 */
export function subscribeResumable<TData, TVariables extends Resumable>(
  ws: Client,
  document: TypedDocumentNode<TData, TVariables>,
  variables: Omit<TVariables, 'after'> | undefined,
  onEvent: (data: TData) => void,
): () => void {
  const payload = { query: print(document), variables: { ...(variables ?? {}), after: null as string | null } };
  let stop: (() => void) | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let failures = 0;
  const start = () => {
    stop = ws.subscribe<TData>(payload, {
      next: ({ data, errors }) => {
        if (!data) return;
        failures = 0;
        const event = Object.values(data as Record<string, { cursor?: string } | null>)[0];
        if (event?.cursor) payload.variables.after = event.cursor;
        onEvent(data as TData);
        if (errors?.length) console.warn('live event with errors', errors);
      },
      error: (error) => {
        const errors = Array.isArray(error) ? (error as { extensions?: { code?: string; cursor?: string } }[]) : [];
        const resumable = errors.find((e) => RESUMABLE_CODES.has(e.extensions?.code ?? ''));
        if (stopped || (errors.length && !resumable)) return console.error('live stream ended', error);
        // A closed socket is retried by graphql-ws itself; reaching here means the hub ended this stream.
        failures += 1;
        retry = setTimeout(start, Math.min(30_000, 1000 * 2 ** Math.min(failures, 5)));
      },
      complete: () => undefined,
    });
  };
  start();
  return () => {
    stopped = true;
    clearTimeout(retry);
    stop?.();
  };
}
