import { Field, Int, ObjectType } from 'type-graphql';
import { AgencyKind, ResourceKind } from '../vocabulary';

// The parts of a playbook, stored as JSON with the playbook (reference data, always read whole) and
// exposed as plain object types.

@ObjectType({ description: 'A phase of a playbook (giai đoạn), e.g. warning, response, recovery' })
export class PlaybookPhase {
  @Field({ description: 'Stable within the playbook, e.g. RESPONSE' })
  code!: string;

  @Field({ description: 'Name in Vietnamese, e.g. "Ứng phó"' })
  nameVi!: string;

  @Field({ description: 'Name in English, e.g. "Response"' })
  nameEn!: string;
}

@ObjectType({ description: 'A task the playbook gives an agency when the operation enters the task’s phase' })
export class TaskTemplate {
  @Field({ description: 'Stable within the playbook, e.g. RESPONSE-2' })
  code!: string;

  @Field({ description: 'The code of the phase that creates the task' })
  phase!: string;

  @Field({ description: 'What to do, in Vietnamese' })
  titleVi!: string;

  @Field({ description: 'What to do, in English' })
  titleEn!: string;

  @Field(() => AgencyKind, { description: 'The kind of agency that does it' })
  agencyKind!: AgencyKind;

  @Field(() => String, {
    nullable: true,
    description: 'A specific agency of the directory; otherwise the nearest agency of the kind above the incident’s place',
  })
  agencyCode!: string | null;

  @Field(() => Int, { nullable: true, description: 'Minutes from the start of the phase to the task’s deadline' })
  dueWithinMinutes!: number | null;
}

@ObjectType({ description: 'A resource the playbook expects the operation to mobilise' })
export class ResourceRequirement {
  @Field(() => ResourceKind, { description: 'Kind of resource' })
  kind!: ResourceKind;

  @Field(() => Int, { description: 'How many, in the unit the kind names (teams, people, vehicles or items)' })
  quantity!: number;

  @Field(() => String, { nullable: true, description: 'Note in Vietnamese, e.g. where to stage it; null when none' })
  noteVi!: string | null;
}

@ObjectType({ description: 'An item of the playbook’s checklist (danh mục kiểm tra)' })
export class ChecklistItem {
  @Field({ description: 'The item in Vietnamese' })
  textVi!: string;

  @Field({ description: 'The item in English' })
  textEn!: string;
}
