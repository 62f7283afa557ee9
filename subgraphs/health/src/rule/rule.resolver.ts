import { breachOpenFilter, Role, STAFF_AND_SYSTEMS, switchRule } from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { HealthContext } from '../context';
import { HealthBreach, HealthRule } from './rule';

/** The sector's rules (data, switched on and off by operators) and the breaches they raised. */
@Resolver()
export class HealthRuleResolver {
  @Authorized(...STAFF_AND_SYSTEMS)
  @Query(() => [HealthRule], { description: 'The health rules, by code. Staff roles only' })
  healthRules(@Ctx() ctx: HealthContext) {
    return ctx.em.find(HealthRule, {}, { orderBy: { code: 'ASC' } });
  }

  @Authorized(...STAFF_AND_SYSTEMS)
  @Query(() => [HealthBreach], {
    description: 'Breaches of the health rules (outbreaks, overloads), newest first, at most 500. Staff roles only',
  })
  healthBreaches(
    @Ctx() ctx: HealthContext,
    @Arg('open', () => Boolean, { nullable: true, description: 'true: only open breaches; false: only ended ones; both when omitted' })
    open?: boolean | null,
    @Arg('subjectCode', () => String, { nullable: true, description: 'Only breaches of this commune or facility (its code)' })
    subjectCode?: string | null,
  ) {
    return ctx.em.find(
      HealthBreach,
      { ...breachOpenFilter(open), ...(subjectCode ? { subjectCode } : {}) },
      { populate: ['rule'], orderBy: { startedAt: 'DESC', id: 'DESC' }, limit: 500 },
    );
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => HealthRule, {
    description: 'Switches a health rule on or off (an inactive rule opens no breach; its open breaches end at the next report)',
  })
  setHealthRuleActive(
    @Arg('code', { description: 'Code of the rule, e.g. DENGUE_EPIDEMIC_THRESHOLD' }) code: string,
    @Arg('active', { description: 'true switches it on, false off' }) active: boolean,
    @Ctx() ctx: HealthContext,
  ) {
    return switchRule(ctx.em, HealthRule, 'HealthRule', { code, active, identity: ctx.identity, requestId: ctx.requestId });
  }
}
