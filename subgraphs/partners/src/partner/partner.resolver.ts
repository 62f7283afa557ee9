import { badInput, CENTER_ROLES, ConnectionArgs, ConnectionType, paginate, requireId } from '@ioc-graph/platform';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ApiKey } from '../apiKey/apiKey';
import { apiKeysByPartner } from '../apiKey/apiKey.loader';
import { READ_ONLY, type PartnersContext } from '../context';
import { changeAudited, createAudited } from '../mutations';
import { Partner } from './partner';
import { announcePartner } from '../events';
import { CreatePartnerInput, UpdatePartnerInput } from './partner.input';
import { partnerById } from './partner.loader';

@ObjectType({ description: 'A page of partners' })
export class PartnerConnection extends ConnectionType(Partner) {}

const AUDITED: (keyof Partner & string)[] = [
  'organisation',
  'contactName',
  'contactEmail',
  'purpose',
  'licence',
  'licenceAcceptedAt',
  'suspended',
];

/** Partners and their keys are the center's to manage: leaders and operators only. */
@Resolver(() => Partner)
export class PartnerResolver {
  @Authorized(...CENTER_ROLES)
  @Query(() => PartnerConnection, { description: 'Partners, oldest registration first (center only)' })
  partners(@Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() ctx: PartnersContext) {
    return paginate(ctx.em, Partner, {}, { ...page, orderBy: 'createdAt', ...READ_ONLY });
  }

  @Authorized(...CENTER_ROLES)
  @Query(() => Partner, { nullable: true, description: 'A partner by id; null when there is none (center only)' })
  partner(@Arg('id', () => ID, { description: 'Id of the partner' }) id: string, @Ctx() ctx: PartnersContext) {
    return partnerById(ctx).load(requireId(id, 'id'));
  }

  @FieldResolver(() => [ApiKey], { description: 'The partner’s API keys, newest first, revoked and expired ones included' })
  apiKeys(@Root() partner: Partner, @Ctx() ctx: PartnersContext) {
    return apiKeysByPartner(ctx).load(partner.id);
  }

  @Authorized(...CENTER_ROLES)
  @Mutation(() => Partner, { description: 'Registers a partner that accepted one of the hub’s licences (center only)' })
  createPartner(
    @Arg('input', () => CreatePartnerInput, { description: 'The new partner' }) input: CreatePartnerInput,
    @Ctx() ctx: PartnersContext,
  ) {
    return createAudited(
      ctx,
      'Partner',
      AUDITED,
      async (em, at) =>
        em.create(Partner, {
          organisation: input.organisation.trim(),
          contactName: input.contactName.trim(),
          contactEmail: input.contactEmail.trim(),
          purpose: input.purpose.trim(),
          licence: input.licence,
          licenceAcceptedAt: at,
          createdAt: at,
        }),
      announcePartner('partner.created', ctx.identity),
    );
  }

  @Authorized(...CENTER_ROLES)
  @Mutation(() => Partner, { description: 'Changes a partner: contact, purpose, licence, suspension (center only)' })
  updatePartner(
    @Arg('id', () => ID, { description: 'Id of the partner to change' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The version read; a different current version is CONFLICT' })
    expectedVersion: number,
    @Arg('input', () => UpdatePartnerInput, { description: 'What to change' }) input: UpdatePartnerInput,
    @Ctx() ctx: PartnersContext,
  ) {
    if (input.licence !== undefined && input.licenceAccepted !== true) {
      throw badInput('A new licence must be accepted', [{ field: 'licenceAccepted', message: 'must be true with a new licence' }]);
    }
    return changeAudited(ctx, {
      entityClass: Partner,
      id,
      expectedVersion,
      action: 'updated',
      fields: AUDITED,
      apply: (partner, _em, at) => {
        for (const field of ['organisation', 'contactName', 'contactEmail', 'purpose'] as const) {
          const value = input[field];
          if (value !== undefined) partner[field] = value.trim();
        }
        if (input.suspended !== undefined) partner.suspended = input.suspended;
        if (input.licence !== undefined && input.licence !== partner.licence) {
          partner.licence = input.licence;
          partner.licenceAcceptedAt = at;
        }
      },
      announce: announcePartner('partner.updated', ctx.identity),
    });
  }
}
