import { airQualityObserved } from './airQualityObserved';
import type { NgsiEntityType } from './entity';
import { trafficFlowObserved } from './trafficFlowObserved';
import { waterObserved } from './waterObserved';

export * from './entity';
export * from './ngsiLdRouter';
export { ngsiLdRefusal } from './problems';

/** The entity types served at /ngsi-ld/v1/entities: add a type here and its operation in gateway/open/operations/ngsiLd.graphql. */
export const NGSI_LD_TYPES: readonly NgsiEntityType[] = [airQualityObserved, waterObserved, trafficFlowObserved];
