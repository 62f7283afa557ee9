import { Arg, Ctx, Mutation, Query, Resolver, UseMiddleware } from 'type-graphql';
import type { PartnersContext } from '../context';
import { ApiKeyUsageInput, GatewayApiKey } from './gatewayApiKey';
import { checkUsageEntries, recordUsage } from './recordUsage';
import { ServiceOnly } from './serviceOnly';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** What the gateways ask of the partners subgraph: a key by the hash of a secret, and how keys were used. */
@Resolver()
export class GatewayResolver {
  @UseMiddleware(ServiceOnly)
  @Query(() => GatewayApiKey, {
    nullable: true,
    description: 'The key whose secret hashes to `hash`; null when none does. The gateway decides validity itself (gateways only)',
  })
  async apiKeyForGateway(
    @Arg('hash', { description: 'SHA-256 of the secret a partner sent, 64 lower-case hex digits' }) hash: string,
    @Ctx() ctx: PartnersContext,
  ): Promise<GatewayApiKey | null> {
    // Not a hash of anything we issue: no need to ask the database.
    if (!SHA256_HEX.test(hash)) return null;
    return gatewayKey(ctx, 'k.hash = ?', hash);
  }

  @UseMiddleware(ServiceOnly)
  @Query(() => GatewayApiKey, {
    nullable: true,
    description:
      'The key that stands for a partner behind an identity provider, by the subject of its tokens; null when none does (gateways only)',
  })
  async apiKeyForTokenSubject(
    @Arg('subject', { description: 'The `sub` of a verified PARTNER token' }) subject: string,
    @Ctx() ctx: PartnersContext,
  ): Promise<GatewayApiKey | null> {
    if (subject.length === 0 || subject.length > 200) return null;
    return gatewayKey(ctx, 'k.token_subject = ?', subject);
  }

  @UseMiddleware(ServiceOnly)
  @Mutation(() => Boolean, {
    description: 'Adds the gateways’ counts of keys’ use to each key’s daily counters, at most 1000 entries at once (gateways only)',
  })
  async recordApiKeyUsage(
    @Arg('entries', () => [ApiKeyUsageInput], { description: 'Use of keys per local day since the last report' })
    entries: ApiKeyUsageInput[],
    @Ctx() ctx: PartnersContext,
  ): Promise<boolean> {
    const now = ctx.clock.now();
    checkUsageEntries(entries, now);
    await recordUsage(ctx.em, entries, now);
    return true;
  }
}

/** The one key matching `where` (on a unique column), with what the gateway decides on. */
async function gatewayKey(ctx: PartnersContext, where: string, value: string): Promise<GatewayApiKey | null> {
  const [key] = await ctx.em.execute<GatewayApiKey[]>(
    `select k.id, k.partner_id as "partnerId", p.organisation as "partnerName", k.scopes, k.quota_per_minute as "quotaPerMinute",
       k.quota_per_day as "quotaPerDay", k.expires_at as "expiresAt", k.revoked_at as "revokedAt", p.suspended
     from "partners"."api_key" k join "partners"."partner" p on p.id = k.partner_id where ${where}`,
    [value],
  );
  if (!key) return null;
  // Raw rows carry timestamps as PostgreSQL prints them, depending on how the column was written.
  return { ...key, expiresAt: new Date(key.expiresAt), revokedAt: key.revokedAt ? new Date(key.revokedAt) : null };
}
