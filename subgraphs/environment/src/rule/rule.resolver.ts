import { auditEntry, inTransaction, notFound, Role } from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { EnvironmentContext } from '../context';
import { STAFF } from '../station/station.resolver';
import { Breach, Rule } from './rule';

/** The sector's rules (data, switched on and off by operators) and the breaches they raised. */
@Resolver()
export class RuleResolver {
  @Authorized(...STAFF)
  @Query(() => [Rule], { description: 'The environment rules, by code' })
  rules(@Ctx() ctx: EnvironmentContext) {
    return ctx.em.find(Rule, {}, { orderBy: { code: 'ASC' } });
  }

  @Authorized(...STAFF)
  @Query(() => [Breach], { description: 'Breaches of the rules, newest first: open or ended ones only, of one station' })
  breaches(
    @Ctx() ctx: EnvironmentContext,
    @Arg('open', () => Boolean, { nullable: true }) open?: boolean | null,
    @Arg('stationCode', () => String, { nullable: true }) stationCode?: string | null,
  ) {
    return ctx.em.find(
      Breach,
      {
        ...(open === true ? { endedAt: null } : open === false ? { endedAt: { $ne: null } } : {}),
        ...(stationCode ? { station: { code: stationCode } } : {}),
      },
      { populate: ['rule', 'station'], orderBy: { startedAt: 'DESC', id: 'DESC' }, limit: 500 },
    );
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => Rule, { description: 'Switches a rule on or off (an inactive rule opens no breach; its open breaches end at the next readings)' })
  async setRuleActive(@Arg('code') code: string, @Arg('active') active: boolean, @Ctx() ctx: EnvironmentContext) {
    return inTransaction(ctx.em, async (em) => {
      const rule = await em.findOne(Rule, { code });
      if (!rule) throw notFound('Rule', code);
      // Switching a rule is a change of the center's configuration: it goes to the audit trail.
      if (rule.active !== active) em.persist(auditEntry(ctx.identity, ctx.requestId, { entityType: 'Rule', entityId: rule.id, action: active ? 'activated' : 'deactivated', changes: { active: [rule.active, active] } }));
      rule.active = active;
      return rule;
    });
  }
}
