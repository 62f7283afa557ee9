import { Field, Int, ObjectType } from 'type-graphql';
import { AgencyKind, ResourceKind } from '../vocabulary';

// The parts of a playbook, stored as JSON with the playbook (reference data, always read whole) and
// exposed as plain object types.

@ObjectType({ description: 'A phase of a playbook (giai đoạn), e.g. warning, response, recovery' })
export class PlaybookPhase {
  @Field({ description: 'Stable within the playbook, e.g. RESPONSE' })
  code!: string;

  @Field()
  nameVi!: string;

  @Field()
  nameEn!: string;
}

@ObjectType({ description: 'A task the playbook gives an agency when the operation enters the task’s phase' })
export class TaskTemplate {
  @Field({ description: 'Stable within the playbook, e.g. RESPONSE-2' })
  code!: string;

  @Field({ description: 'The code of the phase that creates the task' })
  phase!: string;

  @Field()
  titleVi!: string;

  @Field()
  titleEn!: string;

  @Field(() => AgencyKind, { description: 'The kind of agency that does it' })
  agencyKind!: AgencyKind;

  @Field(() => String, { nullable: true, description: 'A specific agency of the directory; otherwise the nearest agency of the kind above the incident’s place' })
  agencyCode!: string | null;

  @Field(() => Int, { nullable: true, description: 'Minutes from the start of the phase to the task’s deadline' })
  dueWithinMinutes!: number | null;
}

@ObjectType({ description: 'A resource the playbook expects the operation to mobilise' })
export class ResourceRequirement {
  @Field(() => ResourceKind)
  kind!: ResourceKind;

  @Field(() => Int)
  quantity!: number;

  @Field(() => String, { nullable: true })
  noteVi!: string | null;
}

@ObjectType({ description: 'An item of the playbook’s checklist (danh mục kiểm tra)' })
export class ChecklistItem {
  @Field()
  textVi!: string;

  @Field()
  textEn!: string;
}
