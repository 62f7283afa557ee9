import { badInput, CENTER_ROLES, conflict } from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { PartnersContext } from '../context';
import { changeAudited, createAudited } from '../mutations';
import { Partner } from '../partner/partner';
import { partnerById, requirePartner } from '../partner/partner.loader';
import { ApiKeyUsage } from '../usage/apiKeyUsage';
import { usageByKey, usagePeriod } from '../usage/apiKeyUsage.loader';
import { ApiKey } from './apiKey';
import { announceApiKey } from '../events';
import { IssueApiKeyInput } from './apiKey.input';
import { newSecret, secretHash, secretPrefix } from './secret';

@ObjectType({ description: 'A key just issued, with its secret: the only time the secret is shown' })
export class IssuedApiKey {
  @Field(() => ApiKey, { description: 'The key as stored (its prefix, never its secret)' })
  key!: ApiKey;

  @Field({ description: 'The secret ("iocg_" and 40 letters and digits): hand it to the partner now, it cannot be read again' })
  secret!: string;
}

const AUDITED: (keyof ApiKey & string)[] = [
  'partner',
  'label',
  'prefix',
  'scopes',
  'quotaPerMinute',
  'quotaPerDay',
  'expiresAt',
  'revokedAt',
  'tokenSubject',
];

/** The latest expiry a key issued at `at` may have: two calendar years later. */
function latestExpiry(at: Date): Date {
  const latest = new Date(at);
  latest.setUTCFullYear(latest.getUTCFullYear() + 2);
  return latest;
}

/** Issuing and revoking keys is the center's (leaders and operators); a key's secret is shown only when issued. */
@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @FieldResolver(() => Partner, { description: 'The partner the key belongs to' })
  async partner(@Root() key: ApiKey, @Ctx() ctx: PartnersContext) {
    return (await partnerById(ctx).load(key.partner.id))!;
  }

  @FieldResolver(() => [ApiKeyUsage], {
    description: 'Daily use of the key, oldest day first, for days it was used; at most 366 days (default: the last 30)',
  })
  usage(
    @Root() key: ApiKey,
    @Ctx() ctx: PartnersContext,
    @Arg('from', () => String, {
      nullable: true,
      description: 'First local day, YYYY-MM-DD (Asia/Ho_Chi_Minh); default 29 days before `to`',
    })
    from?: string | null,
    @Arg('to', () => String, { nullable: true, description: 'Last local day, YYYY-MM-DD (Asia/Ho_Chi_Minh); default today' })
    to?: string | null,
  ) {
    return usageByKey(ctx, usagePeriod(ctx.clock.now(), from, to)).load(key.id);
  }

  @Authorized(...CENTER_ROLES)
  @Mutation(() => IssuedApiKey, { description: 'Issues an API key to a partner and shows its secret, once (center only)' })
  async issueApiKey(
    @Arg('input', () => IssueApiKeyInput, { description: 'The new key' }) input: IssueApiKeyInput,
    @Ctx() ctx: PartnersContext,
  ): Promise<IssuedApiKey> {
    const now = ctx.clock.now();
    if (input.expiresAt <= now || input.expiresAt > latestExpiry(now)) {
      throw badInput('expiresAt must be in the future and at most two years ahead', [
        { field: 'expiresAt', message: 'must be in the future and at most two years ahead' },
      ]);
    }
    const secret = newSecret();
    const key = await createAudited(
      ctx,
      'ApiKey',
      AUDITED,
      async (em, at) => {
        const partner = await requirePartner(ctx, input.partnerId, 'partnerId');
        if (partner.suspended) throw conflict('The partner is suspended: reinstate it before issuing keys');
        return em.create(ApiKey, {
          partner: em.getReference(Partner, partner.id, { wrapped: true }),
          label: input.label.trim(),
          prefix: secretPrefix(secret),
          hash: secretHash(secret),
          scopes: input.scopes,
          quotaPerMinute: input.quotaPerMinute,
          quotaPerDay: input.quotaPerDay,
          expiresAt: input.expiresAt,
          tokenSubject: input.tokenSubject ?? null,
          createdAt: at,
        });
      },
      announceApiKey('apiKey.issued', ctx.identity),
    );
    return { key, secret };
  }

  @Authorized(...CENTER_ROLES)
  @Mutation(() => ApiKey, { description: 'Revokes an API key at once, on every gateway; revoking it again is CONFLICT (center only)' })
  revokeApiKey(
    @Arg('id', () => ID, { description: 'Id of the key' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The version read; a different current version is CONFLICT' })
    expectedVersion: number,
    @Ctx() ctx: PartnersContext,
  ) {
    return changeAudited(ctx, {
      entityClass: ApiKey,
      id,
      expectedVersion,
      action: 'revoked',
      fields: AUDITED,
      guard: (key) => {
        if (key.revokedAt) throw conflict('The key is already revoked', { revokedAt: key.revokedAt.toISOString() });
      },
      apply: (key, _em, at) => {
        key.revokedAt = at;
      },
      announce: announceApiKey('apiKey.revoked', ctx.identity),
    });
  }
}
