import { badInput, requireId, type AlertStatusName, type IncidentProcessName, type IncidentStateName } from '@ioc-graph/platform';
import type { CommandContext } from '../context';

/** What activation needs to know of an incident, asked of the incidents subgraph. */
export interface IncidentFacts {
  id: string;
  code: string;
  /** TIMED, IMMEDIATE or COMMAND: only COMMAND incidents get operations. */
  process: IncidentProcessName;
  /** ACTUAL or EXERCISE. */
  status: AlertStatusName;
  state: IncidentStateName;
  unit: { id: string } | null;
}

const INCIDENT = `query CommandIncident($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Incident { id code process status state unit { id } } }
}`;

/**
 * The incident an input names. The incidents subgraph lets service identities read any incident; one
 * it does not know is BAD_USER_INPUT naming the field.
 */
export async function incidentFacts(ctx: CommandContext, id: string, field: string): Promise<IncidentFacts> {
  const representations = [{ __typename: 'Incident', id: requireId(id, field) }];
  const data = await ctx.incidents.request<{ _entities: (IncidentFacts | null)[] }>(INCIDENT, { representations }, ctx.requestId);
  const incident = data._entities[0];
  if (!incident) throw badInput(`${field} refers to no incident`, [{ field, message: 'no such incident' }]);
  return incident;
}
