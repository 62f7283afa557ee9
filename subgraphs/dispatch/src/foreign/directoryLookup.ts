import { badInput } from '@ioc-graph/platform';
import type { DispatchContext } from '../context';

export interface FieldUnitFacts {
  id: string;
  code: string;
  kind: string;
  agencyId: string;
  home: { latitude: number; longitude: number };
}

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
const unitFacts = (node: UnitNode): FieldUnitFacts => ({
  id: node.id,
  code: node.code,
  kind: node.kind,
  agencyId: node.agency.id,
  home: node.homeBase.location,
});

/** The field unit an input names, asked of the directory; BAD_USER_INPUT naming the field when unknown. */
export async function fieldUnitFacts(ctx: DispatchContext, id: string, field: string): Promise<FieldUnitFacts> {
  const data = await ctx.directory.request<{ _entities: (UnitNode | null)[] }>(
    UNITS,
    { r: [{ __typename: 'FieldUnit', id }] },
    ctx.requestId,
  );
  const unit = data._entities[0];
  if (!unit) throw badInput(`${field} refers to no field unit`, [{ field, message: 'no such field unit' }]);
  return unitFacts(unit);
}

/** The directory's roster of the given kinds (what recommendations choose from). */
export async function fieldUnitsOfKinds(ctx: DispatchContext, kinds: string[]): Promise<FieldUnitFacts[]> {
  const pages = await Promise.all(
    kinds.map((kind) => ctx.directory.request<{ fieldUnits: { edges: { node: UnitNode }[] } }>(UNITS_OF_KIND, { kind }, ctx.requestId)),
  );
  return pages.flatMap((page) => page.fieldUnits.edges.map((edge) => unitFacts(edge.node)));
}
