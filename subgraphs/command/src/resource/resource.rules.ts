import { registerEnumType } from 'type-graphql';
import type { TransitionTable } from '@ioc-graph/platform';
import type { CommandActor } from '../operation/operation.rules';

/** A resource is allocated to an operation until it is released. */
export enum ResourceState {
  ALLOCATED = 'ALLOCATED',
  RELEASED = 'RELEASED',
}
registerEnumType(ResourceState, {
  name: 'ResourceState',
  description: 'Whether a resource is still mobilised for an operation (trạng thái nguồn lực)',
  valuesConfig: {
    ALLOCATED: { description: 'Mobilised for the operation (đang huy động)' },
    RELEASED: { description: 'Released, by the center or at stand-down (đã giải phóng)' },
  },
});

/** The steps of a resource after its allocation. */
export type ResourceAction = 'releaseResource';

/** A resource is allocated once and released once, by the center (or by stand-down). */
export const RESOURCE_TRANSITIONS: TransitionTable<ResourceAction, ResourceState, CommandActor> = {
  releaseResource: { from: [ResourceState.ALLOCATED], to: ResourceState.RELEASED, actor: 'center' },
};
