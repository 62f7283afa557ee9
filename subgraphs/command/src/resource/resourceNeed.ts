import { Field, Int, ObjectType } from 'type-graphql';
import type { Playbook } from '../playbook/playbook';
import { ResourceKind } from '../vocabulary';
import type { OperationResource } from './resource';
import { ResourceState } from './resource.rules';

@ObjectType({ description: 'For one kind of resource: what the playbook expects and what is allocated now' })
export class ResourceNeed {
  @Field(() => ResourceKind, { description: 'Kind of resource' })
  kind!: ResourceKind;

  @Field(() => Int, { description: 'What the playbook expects (0 when it names none)' })
  required!: number;

  @Field(() => Int, { description: 'Allocated and not yet released' })
  allocated!: number;

  @Field(() => Int, { description: 'Still missing: required − allocated, never below 0' })
  shortfall!: number;
}

/** The playbook's requirements against the allocated resources, kind by kind, in the playbook's order. */
export function resourceNeeds(playbook: Playbook, resources: OperationResource[]): ResourceNeed[] {
  const needs = new Map<ResourceKind, { required: number; allocated: number }>();
  const need = (kind: ResourceKind) => needs.get(kind) ?? needs.set(kind, { required: 0, allocated: 0 }).get(kind)!;
  for (const requirement of playbook.requiredResources) need(requirement.kind).required += requirement.quantity;
  for (const resource of resources) if (resource.state === ResourceState.ALLOCATED) need(resource.kind).allocated += resource.quantity;
  return [...needs].map(([kind, { required, allocated }]) => ({ kind, required, allocated, shortfall: Math.max(0, required - allocated) }));
}
