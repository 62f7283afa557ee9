import { breachOpenFilter, Role, STAFF_ROLES, switchRule } from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { SecurityContext } from '../context';
import { changeSecurityRule } from './changeRule';
import { SecurityBreach, SecurityRule } from './rule';
import { SecurityRuleChange } from './rule.input';

/** The hotspot rules (data, switched on and off by operators) and the breaches they raised: staff only. */
@Resolver()
export class SecurityRuleResolver {
  @Authorized(...STAFF_ROLES)
  @Query(() => [SecurityRule], { description: 'The security hotspot rules, by code. Staff roles only' })
  securityRules(@Ctx() ctx: SecurityContext) {
    return ctx.em.find(SecurityRule, {}, { orderBy: { code: 'ASC' } });
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => [SecurityBreach], { description: 'Hotspot breaches, newest first, at most 500. Staff roles only' })
  securityBreaches(
    @Ctx() ctx: SecurityContext,
    @Arg('open', () => Boolean, { nullable: true, description: 'true: only open; false: only ended; both when omitted' })
    open?: boolean | null,
    @Arg('communeCode', () => String, { nullable: true, description: 'Only breaches in this commune (its code)' })
    communeCode?: string | null,
  ) {
    return ctx.em.find(
      SecurityBreach,
      { ...breachOpenFilter(open), ...(communeCode ? { communeCode } : {}) },
      { populate: ['rule'], orderBy: { startedAt: 'DESC', id: 'DESC' }, limit: 500 },
    );
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => SecurityRule, {
    description: 'Switches a hotspot rule on or off (an inactive rule opens no breach; its open breaches end at the next ingest)',
  })
  setSecurityRuleActive(
    @Arg('code', { description: 'Code of the rule, e.g. THEFT_SURGE_24H' }) code: string,
    @Arg('active', { description: 'true switches it on, false off' }) active: boolean,
    @Ctx() ctx: SecurityContext,
  ) {
    return switchRule(ctx.em, SecurityRule, 'SecurityRule', { code, active, identity: ctx.identity, requestId: ctx.requestId });
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => SecurityRule, {
    description: 'Changes a hotspot rule’s usual level (k, floor, baseline days) or window; recorded in the audit trail. Operators only',
  })
  changeSecurityRule(
    @Arg('code', { description: 'Code of the rule, e.g. THEFT_SURGE_24H' }) code: string,
    @Arg('change', () => SecurityRuleChange, { description: 'The new values; fields left out keep theirs' }) change: SecurityRuleChange,
    @Ctx() ctx: SecurityContext,
  ) {
    return changeSecurityRule(ctx.em, code, change, { identity: ctx.identity, requestId: ctx.requestId, at: ctx.clock.now() });
  }
}
