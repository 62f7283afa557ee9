import { badInput, loaderByForeignKey, loaderByUnique, requireId } from '@ioc-graph/platform';
import { READ_ONLY, type DirectoryContext } from '../context';
import { Agency } from './agency';

export const agencyById = (ctx: DirectoryContext) => loaderByUnique(ctx, Agency, 'id', READ_ONLY);
export const agencyByCode = (ctx: DirectoryContext) => loaderByUnique(ctx, Agency, 'code', READ_ONLY);
export const agenciesByJurisdiction = (ctx: DirectoryContext) =>
  loaderByForeignKey(ctx, Agency, 'jurisdiction', { nameVi: 'ASC' }, READ_ONLY);

/** Loads an agency that an input refers to, or fails with BAD_USER_INPUT naming the field. */
export async function requireAgency(ctx: DirectoryContext, id: string, field: string): Promise<Agency> {
  const agency = await agencyById(ctx).load(requireId(id, field));
  if (!agency) throw badInput(`${field} refers to no agency`, [{ field, message: 'no such agency' }]);
  return agency;
}
