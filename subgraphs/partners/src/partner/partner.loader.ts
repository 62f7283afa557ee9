import { badInput, loaderByUnique, requireId } from '@ioc-graph/platform';
import { READ_ONLY, type PartnersContext } from '../context';
import { Partner } from './partner';

export const partnerById = (ctx: PartnersContext) => loaderByUnique(ctx, Partner, 'id', READ_ONLY);

/** Loads a partner that an input refers to, or fails with BAD_USER_INPUT naming the field. */
export async function requirePartner(ctx: PartnersContext, id: string, field: string): Promise<Partner> {
  const partner = await partnerById(ctx).load(requireId(id, field));
  if (!partner) throw badInput(`${field} refers to no partner`, [{ field, message: 'no such partner' }]);
  return partner;
}
