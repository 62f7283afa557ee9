import { ArrayMaxSize, IsOptional, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A directive (chỉ đạo) of the leader: at least one agency or field unit must be addressed' })
export class IssueDirectiveInput {
  @Field({ description: 'What the leader directs, 3–4,000 characters' })
  @Length(3, 4000)
  text!: string;

  @Field(() => [ID], { nullable: true, description: 'Agencies addressed, up to 50' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  agencyIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Field units addressed, up to 50' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  fieldUnitIds?: string[];

  @Field({ nullable: true, description: 'When it must have been carried out; in the future' })
  deadline?: Date;
}

@InputType({ description: 'The acknowledgement of a directive by an addressee' })
export class AcknowledgeDirectiveInput {
  @Field({ nullable: true, description: 'Note, up to 2,000 characters' })
  @IsOptional()
  @Length(1, 2000)
  note?: string;
}
