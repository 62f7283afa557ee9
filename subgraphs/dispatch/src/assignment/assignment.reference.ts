import { isUuid } from '@ioc-graph/platform';
import type { DispatchContext } from '../context';
import { assignmentById, mayReadAssignment } from './assignment.loader';

/** Other subgraphs (and subscriptions) refer to assignments by id, batched, scoped like the queries. */
export const assignmentReference = {
  Assignment: {
    async __resolveReference(reference: { id: string }, ctx: DispatchContext) {
      if (!isUuid(reference.id)) return null;
      const assignment = await assignmentById(ctx).load(reference.id.toLowerCase());
      try {
        return assignment && mayReadAssignment(ctx.identity, assignment) ? assignment : null;
      } catch {
        return null;
      }
    },
  },
};
