import { breachOpenFilter, Role, STAFF_AND_SYSTEMS, switchRule } from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { EgovContext } from '../context';
import { Agency, ref } from '../foreign/entities';
import { EgovBreach, EgovRule } from './rule';

/** The sector's rules (data, switched on and off by operators) and the breaches they raised. */
@Resolver(() => EgovBreach)
export class EgovRuleResolver {
  @Authorized(...STAFF_AND_SYSTEMS)
  @Query(() => [EgovRule], { description: 'The e-government rules, by code. Staff roles only' })
  egovRules(@Ctx() ctx: EgovContext) {
    return ctx.em.find(EgovRule, {}, { orderBy: { code: 'ASC' } });
  }

  @Authorized(...STAFF_AND_SYSTEMS)
  @Query(() => [EgovBreach], { description: 'Breaches of the e-government rules, newest first, at most 500. Staff roles only' })
  egovBreaches(
    @Ctx() ctx: EgovContext,
    @Arg('open', () => Boolean, { nullable: true, description: 'true: only open breaches; false: only ended ones; both when omitted' })
    open?: boolean | null,
    @Arg('agencyId', () => ID, { nullable: true, description: 'Only breaches at this agency; all when omitted' }) agencyId?: string | null,
  ) {
    return ctx.em.find(
      EgovBreach,
      { ...breachOpenFilter(open), ...(agencyId ? { agencyId: agencyId.toLowerCase() } : {}) },
      { populate: ['rule'], orderBy: { startedAt: 'DESC', id: 'DESC' }, limit: 500 },
    );
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => EgovRule, {
    description: 'Switches an e-government rule on or off (an inactive rule opens no breach; its open breaches end at the next ingest)',
  })
  setEgovRuleActive(
    @Arg('code', { description: 'Code of the rule, e.g. OVERDUE_DOSSIERS_AGENCY' }) code: string,
    @Arg('active', { description: 'true switches it on, false off' }) active: boolean,
    @Ctx() ctx: EgovContext,
  ) {
    return switchRule(ctx.em, EgovRule, 'EgovRule', { code, active, identity: ctx.identity, requestId: ctx.requestId });
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The agency; null when the directory service is unavailable' })
  agency(@Root() breach: EgovBreach) {
    return ref<Agency>(breach.agencyId);
  }
}
