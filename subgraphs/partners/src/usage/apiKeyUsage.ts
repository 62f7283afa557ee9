import { Field, Float, Int, ObjectType } from 'type-graphql';

/** One key's use on one local day, as the gateways report it. */
@ObjectType({ description: 'Use of an API key on one local day (Asia/Ho_Chi_Minh), as the gateways counted it' })
export class ApiKeyUsage {
  @Field({ description: 'The local day, YYYY-MM-DD (Asia/Ho_Chi_Minh)' })
  day!: string;

  @Field(() => Int, { description: 'Requests answered' })
  requests!: number;

  @Field(() => Float, { description: 'Data rows (records, features, entities) answered' })
  rows!: number;

  @Field(() => Float, { description: 'Bytes of the answers' })
  bytes!: number;

  @Field(() => Int, { description: 'Requests refused because the key was over its quota' })
  refused!: number;
}
