import { badInput } from '@ioc-graph/platform';
import type { DispatchContext } from './context';

export interface IncidentFacts {
  id: string;
  code: string;
  title: string;
  process: string;
  status: string;
  state: string;
  categoryCode: string;
  /** When the center received the first alert (or opened the incident): call processing starts here. */
  receivedAt: Date;
  location: { latitude: number; longitude: number } | null;
  unitLineage: string[];
}

export interface FieldUnitFacts {
  id: string;
  code: string;
  kind: string;
  agencyId: string;
  home: { latitude: number; longitude: number };
}

const INCIDENT = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Incident {
  id code title process status state openedAt location { latitude longitude } unit { id } category { code } alerts { receivedAt } } } }`;
const LINEAGE = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { id ancestors { id } } } }`;
const UNITS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on FieldUnit {
  id code kind agency { id } homeBase { location { latitude longitude } } } } }`;
const UNITS_OF_KIND = `query ($kind: FieldUnitKind!) { fieldUnits(filter: { kind: $kind }, first: 100) { edges { node {
  id code kind agency { id } homeBase { location { latitude longitude } } } } } }`;

interface UnitNode {
  id: string;
  code: string;
  kind: string;
  agency: { id: string };
  homeBase: { location: { latitude: number; longitude: number } };
}
const unitFacts = (node: UnitNode): FieldUnitFacts => ({ id: node.id, code: node.code, kind: node.kind, agencyId: node.agency.id, home: node.homeBase.location });

/** The incident an input names, asked of the incidents subgraph; BAD_USER_INPUT naming the field when unknown. */
export async function incidentFacts(ctx: DispatchContext, id: string, field: string): Promise<IncidentFacts> {
  const data = await ctx.incidents.request<{ _entities: ({ id: string; code: string; title: string; process: string; status: string; state: string; openedAt: string; location: IncidentFacts['location']; unit: { id: string } | null; category: { code: string }; alerts: { receivedAt: string }[] } | null)[] }>(
    INCIDENT,
    { r: [{ __typename: 'Incident', id }] },
    ctx.requestId,
  );
  const incident = data._entities[0];
  if (!incident) throw badInput(`${field} refers to no incident`, [{ field, message: 'no such incident' }]);
  let unitLineage: string[] = [];
  if (incident.unit) {
    const units = await ctx.directory.request<{ _entities: ({ id: string; ancestors: { id: string }[] } | null)[] }>(LINEAGE, { r: [{ __typename: 'AdministrativeUnit', id: incident.unit.id }] }, ctx.requestId);
    const unit = units._entities[0];
    if (unit) unitLineage = [...unit.ancestors.map((a) => a.id), unit.id];
  }
  const received = [incident.openedAt, ...incident.alerts.map((a) => a.receivedAt)].map((t) => Date.parse(t));
  return { ...incident, categoryCode: incident.category.code, receivedAt: new Date(Math.min(...received)), unitLineage };
}

/** The field unit an input names, asked of the directory; BAD_USER_INPUT naming the field when unknown. */
export async function fieldUnitFacts(ctx: DispatchContext, id: string, field: string): Promise<FieldUnitFacts> {
  const data = await ctx.directory.request<{ _entities: (UnitNode | null)[] }>(UNITS, { r: [{ __typename: 'FieldUnit', id }] }, ctx.requestId);
  const unit = data._entities[0];
  if (!unit) throw badInput(`${field} refers to no field unit`, [{ field, message: 'no such field unit' }]);
  return unitFacts(unit);
}

/** The directory's roster of the given kinds (what recommendations choose from). */
export async function fieldUnitsOfKinds(ctx: DispatchContext, kinds: string[]): Promise<FieldUnitFacts[]> {
  const pages = await Promise.all(kinds.map((kind) => ctx.directory.request<{ fieldUnits: { edges: { node: UnitNode }[] } }>(UNITS_OF_KIND, { kind }, ctx.requestId)));
  return pages.flatMap((page) => page.fieldUnits.edges.map((edge) => unitFacts(edge.node)));
}
