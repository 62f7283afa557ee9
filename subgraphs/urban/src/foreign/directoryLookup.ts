import { badInput, isUuid } from '@ioc-graph/platform';
import type { UrbanContext } from '../context';

const UNITS = `query Units($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { id ancestors { id } } } }`;

/**
 * The lineage (the root first, the unit last) of the unit an input names, asked of the directory when
 * a record is written; BAD_USER_INPUT naming `field` when the directory knows no such unit.
 */
export async function unitLineage(ctx: UrbanContext, unitId: string, field: string): Promise<string[]> {
  const refused = () => badInput(`${field} refers to no administrative unit`, [{ field, message: 'no such administrative unit' }]);
  if (!isUuid(unitId)) throw refused();
  const data = await ctx.directory.request<{ _entities: ({ id: string; ancestors: { id: string }[] } | null)[] }>(
    UNITS,
    { r: [{ __typename: 'AdministrativeUnit', id: unitId.toLowerCase() }] },
    ctx.requestId,
  );
  const unit = data._entities[0];
  if (!unit) throw refused();
  return [...unit.ancestors.map((a) => a.id), unit.id];
}
