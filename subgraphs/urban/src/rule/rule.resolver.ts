import { breachOpenFilter, Role, STAFF_AND_SYSTEMS, switchRule } from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { UrbanContext } from '../context';
import { UrbanBreach, UrbanRule } from './rule';

/** The sector's rules (data, switched on and off by operators) and the breaches they raised. */
@Resolver()
export class UrbanRuleResolver {
  @Authorized(...STAFF_AND_SYSTEMS)
  @Query(() => [UrbanRule], { description: 'The urban rules, by code. Staff roles only' })
  urbanRules(@Ctx() ctx: UrbanContext) {
    return ctx.em.find(UrbanRule, {}, { orderBy: { code: 'ASC' } });
  }

  @Authorized(...STAFF_AND_SYSTEMS)
  @Query(() => [UrbanBreach], { description: 'Breaches of the urban rules, newest first, at most 500. Staff roles only' })
  urbanBreaches(
    @Ctx() ctx: UrbanContext,
    @Arg('open', () => Boolean, { nullable: true, description: 'true: only open breaches; false: only ended ones; both when omitted' })
    open?: boolean | null,
    @Arg('subjectCode', () => String, { nullable: true, description: 'Only breaches of this circuit, cabinet or point (its code)' })
    subjectCode?: string | null,
  ) {
    return ctx.em.find(
      UrbanBreach,
      { ...breachOpenFilter(open), ...(subjectCode ? { subjectCode } : {}) },
      { populate: ['rule'], orderBy: { startedAt: 'DESC', id: 'DESC' }, limit: 500 },
    );
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => UrbanRule, {
    description: 'Switches an urban rule on or off (an inactive rule opens no breach; its open breaches end at the next ingest)',
  })
  setUrbanRuleActive(
    @Arg('code', { description: 'Code of the rule, e.g. LAMPS_FAILED_5' }) code: string,
    @Arg('active', { description: 'true switches it on, false off' }) active: boolean,
    @Ctx() ctx: UrbanContext,
  ) {
    return switchRule(ctx.em, UrbanRule, 'UrbanRule', { code, active, identity: ctx.identity, requestId: ctx.requestId });
  }
}
