import { badInput, loaderByUnique, requireId } from '@ioc-graph/platform';
import type { IncidentsContext } from '../context';
import { Category } from './category';

export const categoryById = (ctx: IncidentsContext) => loaderByUnique(ctx, Category, 'id');

/** Loads the category an input names, or fails with BAD_USER_INPUT naming the field. */
export async function requireCategory(ctx: IncidentsContext, id: string, field: string): Promise<Category> {
  const category = await categoryById(ctx).load(requireId(id, field));
  if (!category) throw badInput(`${field} refers to no category`, [{ field, message: 'no such category' }]);
  return category;
}
