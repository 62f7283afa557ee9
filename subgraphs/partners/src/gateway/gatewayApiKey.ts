import { IsInt, IsUUID, Matches, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';

/** A key as a gateway needs it to admit a request; the gateway decides validity itself. */
@ObjectType({ description: 'An API key as a gateway needs it to admit a partner’s request (gateways only)' })
export class GatewayApiKey {
  @Field(() => ID, { description: 'Id of the key' })
  id!: string;

  @Field(() => ID, { description: 'Id of the partner the key belongs to' })
  partnerId!: string;

  @Field({ description: 'The partner’s organisation, for logs and attribution' })
  partnerName!: string;

  @Field(() => [String], { description: 'What the key may be used for ("graphql" and dataset names)' })
  scopes!: string[];

  @Field(() => Int, { description: 'Requests allowed per minute' })
  quotaPerMinute!: number;

  @Field(() => Int, { description: 'Requests allowed per local day (Asia/Ho_Chi_Minh)' })
  quotaPerDay!: number;

  @Field({ description: 'When the key stops working' })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the key was revoked; null while it is not' })
  revokedAt!: Date | null;

  @Field({ description: 'Whether the partner is suspended (then every key of it is refused)' })
  suspended!: boolean;
}

/** The largest count one report may add: beyond it a number is not a real day's use but a bug. */
const MAX_COUNT = 2_000_000_000;

@InputType({ description: 'Use of one key on one local day since the gateway last reported it, added to the day’s counters' })
export class ApiKeyUsageInput {
  @Field(() => ID, { description: 'Id of the key' })
  @IsUUID()
  keyId!: string;

  @Field({ description: 'The local day, YYYY-MM-DD (Asia/Ho_Chi_Minh)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'day must be YYYY-MM-DD' })
  day!: string;

  @Field(() => Int, { description: 'Requests answered, 0 or more' })
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  requests!: number;

  @Field(() => Float, { description: 'Data rows answered, a whole number, 0 or more' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  rows!: number;

  @Field(() => Float, { description: 'Bytes answered, a whole number, 0 or more' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  bytes!: number;

  @Field(() => Int, { description: 'Requests refused by quota, 0 or more' })
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  refused!: number;
}
