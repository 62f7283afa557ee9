import type { Clock, SubgraphContext } from '@ioc-graph/platform';

/** What every partners resolver receives: the platform's request context plus the subgraph's clock. */
export interface PartnersContext extends SubgraphContext {
  clock: Clock;
}

/**
 * How the partners' loaders and lists read: as read-only rows, not managed entities (see
 * readOnlyRowMapper). Every change loads its own record in its transaction (mutations.ts).
 */
export const READ_ONLY = { readOnly: true } as const;
