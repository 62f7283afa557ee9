import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from '../auth';
import { Loaders } from '../federation';
import type { Logger } from '../logging';

/** What every subgraph resolver receives: built anew for each request. */
export interface SubgraphContext {
  identity: Identity;
  requestId: string;
  /** An entity manager forked for this request. */
  em: EntityManager;
  loaders: Loaders;
  logger: Logger;
}

export function createSubgraphContext(parts: Omit<SubgraphContext, 'loaders'>): SubgraphContext {
  return { ...parts, loaders: new Loaders() };
}
