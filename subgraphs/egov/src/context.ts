import type { Clock, SubgraphContext } from '@ioc-graph/platform';

/** What every e-government resolver receives: the platform's request context plus the subgraph's clock. */
export interface EgovContext extends SubgraphContext {
  clock: Clock;
}
