import type { Clock, SubgraphContext } from '@ioc-graph/platform';

/** What every health resolver receives: the platform's request context plus the subgraph's clock. */
export interface HealthContext extends SubgraphContext {
  clock: Clock;
}
