import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { EmergencyType } from '../vocabulary';
import { ChecklistItem, PlaybookPhase, ResourceRequirement, TaskTemplate } from './playbook.types';

/**
 * A playbook (kịch bản ứng phó) for one kind of emergency: its phases, the tasks it gives agencies in
 * each phase, the resources it expects and a checklist. Operations are activated from one; it is data,
 * seeded by code, so the center can add its own without a release.
 */
@Entity({ tableName: 'playbook' })
@ObjectType({ description: 'A playbook (kịch bản ứng phó): phases, agency tasks, resources and a checklist' })
export class Playbook {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Unique id (UUID) of this record' })
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  @Field({ description: 'Stable code, e.g. FLOOD_SONG_BE' })
  code!: string;

  @Enum({ items: () => EmergencyType })
  @Field(() => EmergencyType, { description: 'Kind of emergency it is for' })
  emergencyType!: EmergencyType;

  @Property({ type: 'text' })
  @Field({
    description: 'Name in Vietnamese (tên tiếng Việt), as written officially, e.g. "Kịch bản ứng phó lũ lụt, sạt lở lưu vực sông Bé"',
  })
  nameVi!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Name in English, for English-language screens' })
  nameEn!: string;

  @Property({ type: 'text' })
  @Field({ description: 'When to use it (Vietnamese)' })
  descriptionVi!: string;

  /** Incident categories (codes of the incidents subgraph) it is meant for. */
  @Property({ type: 'text[]' })
  @Field(() => [String], { description: 'Codes of the incident categories it is meant for, e.g. EMG_LANDSLIDE' })
  categoryCodes: string[] = [];

  /** In order: an operation starts in the first and advances one by one. */
  @Property({ type: 'jsonb' })
  @Field(() => [PlaybookPhase], { description: 'In order: an operation starts in the first' })
  phases: PlaybookPhase[] = [];

  @Property({ type: 'jsonb' })
  @Field(() => [TaskTemplate], { description: 'Tasks it gives agencies, each created when the operation enters the task’s phase' })
  taskTemplates: TaskTemplate[] = [];

  @Property({ type: 'jsonb' })
  @Field(() => [ResourceRequirement], { description: 'Resources it expects the operation to mobilise' })
  requiredResources: ResourceRequirement[] = [];

  @Property({ type: 'jsonb' })
  @Field(() => [ChecklistItem], { description: 'Checklist for the command room (danh mục kiểm tra)' })
  checklist: ChecklistItem[] = [];

  @Property({ version: true, type: 'integer' })
  @Field(() => Int, {
    description: 'Version of the record, raised by every change; pass it back as `expectedVersion` to guard against lost updates',
  })
  version!: number;
}

/** The phase of a playbook with a code, or undefined. */
export const phaseOf = (playbook: Playbook, code: string) => playbook.phases.find((phase) => phase.code === code);

/** The phase after `code`, or undefined at the last one. */
export function nextPhase(playbook: Playbook, code: string): PlaybookPhase | undefined {
  const index = playbook.phases.findIndex((phase) => phase.code === code);
  return index < 0 ? undefined : playbook.phases[index + 1];
}
