import { badInput, type AlertStatusName, type IncidentProcessName, type IncidentStateName } from '@ioc-graph/platform';
import type { DispatchContext } from '../context';

export interface IncidentFacts {
  id: string;
  code: string;
  title: string;
  process: IncidentProcessName;
  status: AlertStatusName;
  state: IncidentStateName;
  categoryCode: string;
  /** When the center received the first alert (or opened the incident): call processing starts here. */
  receivedAt: Date;
  location: { latitude: number; longitude: number } | null;
  unitLineage: string[];
}

const INCIDENT = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Incident {
  id code title process status state openedAt location { latitude longitude } unit { id } category { code } alerts { receivedAt } } } }`;
const LINEAGE = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { id ancestors { id } } } }`;

/** The incident an input names, asked of the incidents subgraph; BAD_USER_INPUT naming the field when unknown. */
export async function incidentFacts(ctx: DispatchContext, id: string, field: string): Promise<IncidentFacts> {
  const data = await ctx.incidents.request<{
    _entities: ({
      id: string;
      code: string;
      title: string;
      process: IncidentProcessName;
      status: AlertStatusName;
      state: IncidentStateName;
      openedAt: string;
      location: IncidentFacts['location'];
      unit: { id: string } | null;
      category: { code: string };
      alerts: { receivedAt: string }[];
    } | null)[];
  }>(INCIDENT, { r: [{ __typename: 'Incident', id }] }, ctx.requestId);
  const incident = data._entities[0];
  if (!incident) throw badInput(`${field} refers to no incident`, [{ field, message: 'no such incident' }]);
  let unitLineage: string[] = [];
  if (incident.unit) {
    const units = await ctx.directory.request<{ _entities: ({ id: string; ancestors: { id: string }[] } | null)[] }>(
      LINEAGE,
      { r: [{ __typename: 'AdministrativeUnit', id: incident.unit.id }] },
      ctx.requestId,
    );
    const unit = units._entities[0];
    if (unit) unitLineage = [...unit.ancestors.map((a) => a.id), unit.id];
  }
  const received = [incident.openedAt, ...incident.alerts.map((a) => a.receivedAt)].map((t) => Date.parse(t));
  return { ...incident, categoryCode: incident.category.code, receivedAt: new Date(Math.min(...received)), unitLineage };
}
