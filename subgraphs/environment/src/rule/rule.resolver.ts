import { breachOpenFilter, Role, STAFF_AND_SYSTEMS, switchRule } from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { EnvironmentContext } from '../context';
import { Breach, Rule } from './rule';

/** The sector's rules (data, switched on and off by operators) and the breaches they raised. */
@Resolver()
export class RuleResolver {
  @Authorized(...STAFF_AND_SYSTEMS)
  @Query(() => [Rule], { description: 'The environment rules, by code. Staff roles only' })
  rules(@Ctx() ctx: EnvironmentContext) {
    return ctx.em.find(Rule, {}, { orderBy: { code: 'ASC' } });
  }

  @Authorized(...STAFF_AND_SYSTEMS)
  @Query(() => [Breach], { description: 'Breaches of the rules, newest first, at most 500. Staff roles only' })
  breaches(
    @Ctx() ctx: EnvironmentContext,
    @Arg('open', () => Boolean, {
      nullable: true,
      description: 'true: only open breaches; false: only ended ones; both when omitted',
    })
    open?: boolean | null,
    @Arg('stationCode', () => String, {
      nullable: true,
      description: 'Only breaches at this station (its code); all stations when omitted',
    })
    stationCode?: string | null,
  ) {
    return ctx.em.find(
      Breach,
      {
        ...breachOpenFilter(open),
        ...(stationCode ? { station: { code: stationCode } } : {}),
      },
      { populate: ['rule', 'station'], orderBy: { startedAt: 'DESC', id: 'DESC' }, limit: 500 },
    );
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => Rule, {
    description: 'Switches a rule on or off (an inactive rule opens no breach; its open breaches end at the next readings)',
  })
  setRuleActive(
    @Arg('code', { description: 'Code of the rule, e.g. AQI_ABOVE_150' }) code: string,
    @Arg('active', { description: 'true switches it on, false off' }) active: boolean,
    @Ctx() ctx: EnvironmentContext,
  ) {
    return switchRule(ctx.em, Rule, 'Rule', { code, active, identity: ctx.identity, requestId: ctx.requestId });
  }
}
