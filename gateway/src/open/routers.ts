import { warningsRouter } from './cap/warningsRouter';
import { catalogRouter } from './catalog';
import { DATASETS, exportRouter } from './exports';
import { NGSI_LD_TYPES, ngsiLdRouter } from './ngsiLd';
import { open311Router } from './open311';
import type { OpenRouterFactory } from './openRoutes';

/**
 * The open-data endpoints the gateway serves, one router each (a line per router: add yours here).
 * Each builds its answers by running the persisted operations of gateway/open/operations through the gateway.
 */
export const OPEN_ROUTERS: readonly OpenRouterFactory[] = [
  exportRouter(DATASETS),
  catalogRouter,
  warningsRouter,
  ngsiLdRouter(NGSI_LD_TYPES),
  open311Router,
];
