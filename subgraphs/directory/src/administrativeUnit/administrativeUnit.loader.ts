import { badInput, loaderByForeignKey, loaderByUnique, requireId } from '@ioc-graph/platform';
import { READ_ONLY, type DirectoryContext } from '../context';
import { AdministrativeUnit } from './administrativeUnit';

export const unitById = (ctx: DirectoryContext) => loaderByUnique(ctx, AdministrativeUnit, 'id', READ_ONLY);
export const unitByCode = (ctx: DirectoryContext) => loaderByUnique(ctx, AdministrativeUnit, 'code', READ_ONLY);
export const unitsByParent = (ctx: DirectoryContext) => loaderByForeignKey(ctx, AdministrativeUnit, 'parent', { nameVi: 'ASC' }, READ_ONLY);

/** Loads a unit that an input refers to, or fails with BAD_USER_INPUT naming the field. */
export async function requireUnit(ctx: DirectoryContext, id: string, field: string): Promise<AdministrativeUnit> {
  const unit = await unitById(ctx).load(requireId(id, field));
  if (!unit) throw badInput(`${field} refers to no administrative unit`, [{ field, message: 'no such administrative unit' }]);
  return unit;
}

/** The `path LIKE` condition selecting the strict subtree below a unit. */
export const below = (unit: AdministrativeUnit) => ({ path: { $like: `${unit.path}_%` } });
