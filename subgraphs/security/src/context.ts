import type { Clock, SubgraphContext } from '@ioc-graph/platform';

/** What every security resolver receives: the platform's request context plus the subgraph's clock. */
export interface SecurityContext extends SubgraphContext {
  clock: Clock;
}
