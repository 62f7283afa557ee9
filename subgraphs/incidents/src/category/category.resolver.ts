import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { IncidentsContext } from '../context';
import { Sector } from '../vocabulary';
import { Category } from './category';
import { categoryById } from './category.loader';
import { CacheHint, requireId } from '@ioc-graph/platform';

/** The category catalogue is public: the citizen portal lists what can be reported. */
@Resolver(() => Category)
export class CategoryResolver {
  @CacheHint(300)
  @Query(() => [Category], { description: 'The category catalogue, by sector and Vietnamese name. Public' })
  categories(
    @Arg('sector', () => Sector, { nullable: true, description: 'Only categories of this sector; all when omitted' }) sector: Sector | null,
    @Arg('citizenReportable', () => Boolean, {
      nullable: true,
      description: 'true: only those citizens may report; false: only the others; all when omitted',
    })
    citizenReportable: boolean | null,
    @Ctx() ctx: IncidentsContext,
  ) {
    const where: FilterQuery<Category> = {};
    if (sector) where.sector = sector;
    if (citizenReportable !== null && citizenReportable !== undefined) where.citizenReportable = citizenReportable;
    return ctx.em.find(Category, where, { orderBy: { sector: 'ASC', nameVi: 'ASC' } });
  }

  @CacheHint(300)
  @Query(() => Category, { nullable: true, description: 'A category by id; null when there is none. Public' })
  category(@Arg('id', () => ID, { description: 'Id of the category' }) id: string, @Ctx() ctx: IncidentsContext) {
    return categoryById(ctx).load(requireId(id, 'id'));
  }
}
