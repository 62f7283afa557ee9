import { registerEnumType } from 'type-graphql';
import type { Transition } from '../transitions';

/** A resource is allocated to an operation until it is released. */
export enum ResourceState {
  ALLOCATED = 'ALLOCATED',
  RELEASED = 'RELEASED',
}
registerEnumType(ResourceState, { name: 'ResourceState', description: 'Đang huy động, đã giải phóng' });

/** The steps of a resource after its allocation. */
export type ResourceAction = 'releaseResource';

/** A resource is allocated once and released once, by the center (or by stand-down). */
export const RESOURCE_TRANSITIONS: Record<ResourceAction, Transition<ResourceState>> = {
  releaseResource: { from: [ResourceState.ALLOCATED], to: ResourceState.RELEASED, actor: 'center' },
};
