import { IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';

const MAX_COUNT = 10_000_000;

@InputType({ description: 'A situation report: a summary and the figures known so far (cumulative); leave out what was not assessed' })
export class SituationReportInput {
  @Field({ description: 'What is happening, 10–8,000 characters' })
  @Length(10, 8000)
  summary!: string;

  @Field(() => Int, { nullable: true, description: 'People dead so far (người chết); leave out when not assessed' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  deaths?: number;

  @Field(() => Int, { nullable: true, description: 'People injured so far (người bị thương); leave out when not assessed' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  injured?: number;

  @Field(() => Int, { nullable: true, description: 'People missing (người mất tích); leave out when not assessed' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  missing?: number;

  @Field(() => Int, { nullable: true, description: 'People evacuated so far (người được sơ tán); leave out when not assessed' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  evacuated?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Houses collapsed or damaged so far (nhà bị sập, hư hỏng); leave out when not assessed',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  housesDamaged?: number;
}
