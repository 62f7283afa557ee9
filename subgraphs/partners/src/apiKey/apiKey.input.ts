import { API_KEY_SCOPES } from '@ioc-graph/platform';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { QUOTA_PER_DAY, QUOTA_PER_MINUTE } from '../vocabulary';

@InputType({ description: 'A new API key for a partner; its secret is shown once, in the answer' })
export class IssueApiKeyInput {
  @Field(() => ID, { description: 'The partner the key is for' })
  @IsUUID()
  partnerId!: string;

  @Field({ description: 'A name for the key, 1–100 characters, e.g. "Cổng tin tức — máy chủ chính"' })
  @Length(1, 100)
  label!: string;

  @Field(() => [String], { description: `What the key may be used for, 1–${API_KEY_SCOPES.length} of: ${API_KEY_SCOPES.join(', ')}` })
  @ArrayNotEmpty()
  @ArrayMaxSize(API_KEY_SCOPES.length)
  @ArrayUnique()
  @IsIn(API_KEY_SCOPES, { each: true })
  scopes!: string[];

  @Field(() => Int, { description: `Requests allowed per minute, ${QUOTA_PER_MINUTE.min}–${QUOTA_PER_MINUTE.max}` })
  @IsInt()
  @Min(QUOTA_PER_MINUTE.min)
  @Max(QUOTA_PER_MINUTE.max)
  quotaPerMinute!: number;

  @Field(() => Int, { description: `Requests allowed per local day, ${QUOTA_PER_DAY.min}–${QUOTA_PER_DAY.max.toLocaleString('en')}` })
  @IsInt()
  @Min(QUOTA_PER_DAY.min)
  @Max(QUOTA_PER_DAY.max)
  quotaPerDay!: number;

  @Field({ description: 'When the key stops working: in the future, at most two years ahead' })
  @IsDate()
  expiresAt!: Date;

  @Field(() => String, {
    nullable: true,
    description:
      'For a partner behind an identity provider: the subject (`sub`) of its tokens (1–200 characters, no spaces), whose requests then count as this key; one key per subject',
  })
  @IsOptional()
  @Matches(/^\S{1,200}$/, { message: 'tokenSubject must be 1–200 characters without spaces' })
  tokenSubject?: string | null;
}
