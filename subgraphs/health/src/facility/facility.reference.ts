import { isUuid } from '@ioc-graph/platform';
import type { HealthContext } from '../context';
import { Facility } from './facility';

/** Facilities by id, batched per request (one statement). */
const facilityById = (ctx: HealthContext) =>
  ctx.loaders.get<string, Facility | null>('facility:id', async (ids) => {
    const found = new Map((await ctx.em.find(Facility, { id: { $in: [...ids] } })).map((f) => [f.id, f]));
    return ids.map((id) => found.get(id) ?? null);
  });

/** Other subgraphs refer to facilities by id, batched. */
export const facilityReference = {
  Facility: {
    __resolveReference: (reference: { id: string }, ctx: HealthContext) =>
      isUuid(reference.id) ? facilityById(ctx).load(reference.id.toLowerCase()) : null,
  },
};
