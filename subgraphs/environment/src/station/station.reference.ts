import { isUuid } from '@ioc-graph/platform';
import type { EnvironmentContext } from '../context';
import { stationByCode, stationById } from './station.loader';

/** Other subgraphs refer to stations by id or by code, batched. */
export const stationReference = {
  Station: {
    async __resolveReference(reference: { id?: string; code?: string }, ctx: EnvironmentContext) {
      if (reference.id !== undefined) return isUuid(reference.id) ? stationById(ctx).load(reference.id.toLowerCase()) : null;
      return reference.code ? stationByCode(ctx).load(reference.code) : null;
    },
  },
};
