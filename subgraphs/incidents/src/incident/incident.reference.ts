import { isUuid } from '@ioc-graph/platform';
import { alertById, mayReadAlerts } from '../alert/alert.loader';
import type { IncidentsContext } from '../context';
import { incidentByCode, incidentById, mayReadIncident } from './incident.loader';

/**
 * Other subgraphs refer to incidents by id or number, and to alerts by id; both are batched per
 * request and scoped like the queries: what the caller may not read resolves to null.
 */
export const incidentReferences = {
  Incident: {
    async __resolveReference(reference: { id?: string; code?: string }, ctx: IncidentsContext) {
      const incident =
        reference.id !== undefined
          ? isUuid(reference.id)
            ? await incidentById(ctx).load(reference.id.toLowerCase())
            : null
          : reference.code
            ? await incidentByCode(ctx).load(reference.code)
            : null;
      return incident && mayReadIncident(ctx, incident) ? incident : null;
    },
  },
  Alert: {
    async __resolveReference(reference: { id: string }, ctx: IncidentsContext) {
      if (!mayReadAlerts(ctx) || !isUuid(reference.id)) return null;
      return alertById(ctx).load(reference.id.toLowerCase());
    },
  },
};
