import { groupByKeys } from '@ioc-graph/platform';
import type { IncidentsContext } from '../context';
import { TimelineEntry } from './timelineEntry';

/** The timelines of all alerts and incidents of a request, in one query, oldest step first. */
export const timelineOf = (ctx: IncidentsContext) =>
  ctx.loaders.get<string, TimelineEntry[]>('timeline', async (ids) => {
    const rows = await ctx.em.find(TimelineEntry, { subjectId: { $in: [...ids] } }, { orderBy: { at: 'ASC', id: 'ASC' } });
    return groupByKeys(ids, rows, (row) => row.subjectId);
  });
