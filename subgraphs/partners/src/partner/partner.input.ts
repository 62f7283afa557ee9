import { Omittable } from '@ioc-graph/platform';
import { IsBoolean, IsEmail, IsIn, IsOptional, Length, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { PARTNER_LICENCES } from '../vocabulary';

const LICENCES = PARTNER_LICENCES.join(', ');

@InputType({ description: 'A new partner; its licence must be accepted' })
export class CreatePartnerInput {
  @Field({ description: 'The organisation, as it names itself, 2–200 characters' })
  @Length(2, 200)
  organisation!: string;

  @Field({ description: 'The contact person, 2–120 characters' })
  @Length(2, 120)
  contactName!: string;

  @Field({ description: 'Email address of the contact person, at most 254 characters' })
  @IsEmail()
  @MaxLength(254)
  contactEmail!: string;

  @Field({ description: 'What the partner uses the data for, 10–2000 characters' })
  @Length(10, 2000)
  purpose!: string;

  @Field({ description: `SPDX id of the licence the partner accepts, one of ${LICENCES}` })
  @IsIn(PARTNER_LICENCES)
  licence!: string;

  @Field({ description: 'Whether the partner accepted the licence; must be true' })
  @IsIn([true], { message: 'the licence must be accepted' })
  licenceAccepted!: boolean;
}

@InputType({ description: 'Fields of a partner to change; omitted fields stay as they are' })
export class UpdatePartnerInput {
  @Field({ nullable: true, description: 'New organisation name, 2–200 characters' })
  @Omittable()
  @Length(2, 200)
  organisation?: string;

  @Field({ nullable: true, description: 'New contact person, 2–120 characters' })
  @Omittable()
  @Length(2, 120)
  contactName?: string;

  @Field({ nullable: true, description: 'New contact email, at most 254 characters' })
  @Omittable()
  @IsEmail()
  @MaxLength(254)
  contactEmail?: string;

  @Field({ nullable: true, description: 'New purpose, 10–2000 characters' })
  @Omittable()
  @Length(10, 2000)
  purpose?: string;

  @Field({ nullable: true, description: `A new licence the partner accepts (${LICENCES}); needs licenceAccepted: true` })
  @Omittable()
  @IsIn(PARTNER_LICENCES)
  licence?: string;

  @Field({ nullable: true, description: 'Whether the partner accepted the new licence; must be true when licence is given' })
  @IsOptional()
  @IsBoolean()
  licenceAccepted?: boolean;

  @Field({ nullable: true, description: 'Suspend (true) or reinstate (false) the partner: gateways refuse a suspended partner’s keys' })
  @Omittable()
  @IsBoolean()
  suspended?: boolean;
}
