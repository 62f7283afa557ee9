import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useEffect, useRef } from 'react';
import { useConnection } from './ConnectionContext';
import { subscribeResumable, type Resumable } from './resumable';

export { subscribeResumable };

export interface LiveOptions<TData, TVariables extends Resumable> {
  /** The subscription; its one root field's value must carry `cursor`. */
  document: TypedDocumentNode<TData, TVariables>;
  variables?: Omit<TVariables, 'after'>;
  onEvent(data: TData): void;
  /** Whether to subscribe at all (e.g. not before the screen knows its filter). */
  enabled?: boolean;
}

/** `subscribeResumable` for a component: follows while mounted and enabled. */
export function useLive<TData, TVariables extends Resumable>({
  document,
  variables,
  onEvent,
  enabled = true,
}: LiveOptions<TData, TVariables>) {
  const { ws } = useConnection();
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const key = JSON.stringify(variables ?? {});
  useEffect(() => {
    if (!enabled) return;
    return subscribeResumable(ws, document, variables, (data) => handler.current(data));
    // `key` stands for the variables' content: a new object with the same values does not resubscribe.
  }, [ws, document, key, enabled]);
}
