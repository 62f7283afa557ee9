import { badInput, loaderByForeignKey, loaderByUnique, requireId } from '@ioc-graph/platform';
import type { DirectoryContext } from '../context';
import { Agency } from './agency';

export const agencyById = (ctx: DirectoryContext) => loaderByUnique(ctx, Agency, 'id');
export const agencyByCode = (ctx: DirectoryContext) => loaderByUnique(ctx, Agency, 'code');
export const agenciesByJurisdiction = (ctx: DirectoryContext) => loaderByForeignKey(ctx, Agency, 'jurisdiction', { nameVi: 'ASC' });

/** Loads an agency that an input refers to, or fails with BAD_USER_INPUT naming the field. */
export async function requireAgency(ctx: DirectoryContext, id: string, field: string): Promise<Agency> {
  const agency = await agencyById(ctx).load(requireId(id, field));
  if (!agency) throw badInput(`${field} refers to no agency`, [{ field, message: 'no such agency' }]);
  return agency;
}
