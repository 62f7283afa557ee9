import { badInput, loaderByForeignKey, loaderByUnique, requireId } from '@ioc-graph/platform';
import { READ_ONLY, type DirectoryContext } from '../context';
import { FieldUnit } from './fieldUnit';

export const fieldUnitById = (ctx: DirectoryContext) => loaderByUnique(ctx, FieldUnit, 'id', READ_ONLY);
export const fieldUnitByCode = (ctx: DirectoryContext) => loaderByUnique(ctx, FieldUnit, 'code', READ_ONLY);
export const fieldUnitsByAgency = (ctx: DirectoryContext) => loaderByForeignKey(ctx, FieldUnit, 'agency', { code: 'ASC' }, READ_ONLY);

/** Loads a field unit that an input refers to, or fails with BAD_USER_INPUT naming the field. */
export async function requireFieldUnit(ctx: DirectoryContext, id: string, field: string): Promise<FieldUnit> {
  const unit = await fieldUnitById(ctx).load(requireId(id, field));
  if (!unit) throw badInput(`${field} refers to no field unit`, [{ field, message: 'no such field unit' }]);
  return unit;
}
