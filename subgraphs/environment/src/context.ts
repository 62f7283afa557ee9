import type { Clock, SubgraphContext } from '@ioc-graph/platform';

/** What every environment resolver receives: the platform's request context plus the subgraph's clock. */
export interface EnvironmentContext extends SubgraphContext {
  clock: Clock;
}
