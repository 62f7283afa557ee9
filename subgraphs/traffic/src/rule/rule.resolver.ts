import { auditEntry, inTransaction, notFound, Role } from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { STAFF } from '../camera/camera.resolver';
import type { TrafficContext } from '../context';
import { TrafficBreach, TrafficRule } from './rule';

/** The sector's rules (data, switched on and off by operators) and the breaches they raised. */
@Resolver()
export class TrafficRuleResolver {
  @Authorized(...STAFF)
  @Query(() => [TrafficRule], { description: 'The traffic rules, by code' })
  trafficRules(@Ctx() ctx: TrafficContext) {
    return ctx.em.find(TrafficRule, {}, { orderBy: { code: 'ASC' } });
  }

  @Authorized(...STAFF)
  @Query(() => [TrafficBreach], { description: 'Breaches of the traffic rules, newest first: open or ended ones only, of one camera or segment code' })
  trafficBreaches(
    @Ctx() ctx: TrafficContext,
    @Arg('open', () => Boolean, { nullable: true }) open?: boolean | null,
    @Arg('subjectCode', () => String, { nullable: true }) subjectCode?: string | null,
  ) {
    return ctx.em.find(
      TrafficBreach,
      {
        ...(open === true ? { endedAt: null } : open === false ? { endedAt: { $ne: null } } : {}),
        ...(subjectCode ? { subjectCode } : {}),
      },
      { populate: ['rule'], orderBy: { startedAt: 'DESC', id: 'DESC' }, limit: 500 },
    );
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => TrafficRule, { description: 'Switches a traffic rule on or off (an inactive rule opens no breach; its open breaches end at the next ingest)' })
  async setTrafficRuleActive(@Arg('code') code: string, @Arg('active') active: boolean, @Ctx() ctx: TrafficContext) {
    return inTransaction(ctx.em, async (em) => {
      const rule = await em.findOne(TrafficRule, { code });
      if (!rule) throw notFound('TrafficRule', code);
      if (rule.active !== active) em.persist(auditEntry(ctx.identity, ctx.requestId, { entityType: 'TrafficRule', entityId: rule.id, action: active ? 'activated' : 'deactivated', changes: { active: [rule.active, active] } }));
      rule.active = active;
      return rule;
    });
  }
}
