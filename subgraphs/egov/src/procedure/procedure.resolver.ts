import { badInput, CacheHint, foldVietnamese } from '@ioc-graph/platform';
import { Arg, FieldResolver, Ctx, Query, Resolver, Root } from 'type-graphql';
import type { EgovContext } from '../context';
import { Agency, ref } from '../foreign/entities';
import { ProcedureLevel } from '../vocabulary';
import { Procedure } from './procedure';

/** The procedures of the one-stop-shop system: open data. */
@Resolver(() => Procedure)
export class ProcedureResolver {
  @CacheHint(300)
  @Query(() => [Procedure], {
    description: 'Administrative procedures by code, optionally of one level or matching a text (with or without diacritics). Public',
  })
  async procedures(
    @Ctx() ctx: EgovContext,
    @Arg('level', () => ProcedureLevel, { nullable: true, description: 'Only procedures of this level; all when omitted' })
    level?: ProcedureLevel | null,
    @Arg('search', () => String, { nullable: true, description: 'Words of the name or the code, e.g. "ly lich tu phap"' })
    search?: string | null,
  ): Promise<Procedure[]> {
    if (search && search.length > 200) throw badInput('search is too long', [{ field: 'search', message: 'at most 200 characters' }]);
    const procedures = await ctx.em.find(Procedure, level ? { level } : {}, { orderBy: { code: 'ASC' } });
    const words = search ? foldVietnamese(search).split(/\s+/).filter(Boolean) : [];
    if (!words.length) return procedures;
    return procedures.filter((p) => {
      const text = foldVietnamese(`${p.code} ${p.nameVi} ${p.nameEn}`);
      return words.every((w) => text.includes(w));
    });
  }

  @FieldResolver(() => Agency, {
    nullable: true,
    description: 'The agency that handles it; null when the directory service is unavailable',
  })
  agency(@Root() procedure: Procedure) {
    return ref<Agency>(procedure.agencyId);
  }
}
