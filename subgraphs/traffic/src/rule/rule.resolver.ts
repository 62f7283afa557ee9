import { breachOpenFilter, Role, STAFF_AND_SYSTEMS, switchRule } from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { TrafficContext } from '../context';
import { TrafficBreach, TrafficRule } from './rule';

/** The sector's rules (data, switched on and off by operators) and the breaches they raised. */
@Resolver()
export class TrafficRuleResolver {
  @Authorized(...STAFF_AND_SYSTEMS)
  @Query(() => [TrafficRule], { description: 'The traffic rules, by code. Staff roles only' })
  trafficRules(@Ctx() ctx: TrafficContext) {
    return ctx.em.find(TrafficRule, {}, { orderBy: { code: 'ASC' } });
  }

  @Authorized(...STAFF_AND_SYSTEMS)
  @Query(() => [TrafficBreach], { description: 'Breaches of the traffic rules, newest first, at most 500. Staff roles only' })
  trafficBreaches(
    @Ctx() ctx: TrafficContext,
    @Arg('open', () => Boolean, {
      nullable: true,
      description: 'true: only open breaches; false: only ended ones; both when omitted',
    })
    open?: boolean | null,
    @Arg('subjectCode', () => String, {
      nullable: true,
      description: 'Only breaches of this camera or road segment (its code); all when omitted',
    })
    subjectCode?: string | null,
  ) {
    return ctx.em.find(
      TrafficBreach,
      {
        ...breachOpenFilter(open),
        ...(subjectCode ? { subjectCode } : {}),
      },
      { populate: ['rule'], orderBy: { startedAt: 'DESC', id: 'DESC' }, limit: 500 },
    );
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => TrafficRule, {
    description: 'Switches a traffic rule on or off (an inactive rule opens no breach; its open breaches end at the next ingest)',
  })
  setTrafficRuleActive(
    @Arg('code', { description: 'Code of the rule, e.g. ACCIDENT_CONFIDENT' }) code: string,
    @Arg('active', { description: 'true switches it on, false off' }) active: boolean,
    @Ctx() ctx: TrafficContext,
  ) {
    return switchRule(ctx.em, TrafficRule, 'TrafficRule', { code, active, identity: ctx.identity, requestId: ctx.requestId });
  }
}
