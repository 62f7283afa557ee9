import type { Clock, SubgraphContext } from '@ioc-graph/platform';

/** What every traffic resolver receives: the platform's request context plus the subgraph's clock. */
export interface TrafficContext extends SubgraphContext {
  clock: Clock;
}
