import { geoPoint, GeoPoint, inTransaction, notFound, requireId, Role } from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { CommandContext } from '../context';
import { requireAgencies } from '../federation/directoryLookup';
import { Agency, agencyRef } from '../federation/foreignEntities';
import { participantsOf, recordStep } from '../log/journal';
import { LogSubject } from '../log/logEntry';
import { assertActive } from '../operation/operation.rules';
import { lockOperation } from '../operation/operation.steps';
import { actsAs, checkTransition } from '../transitions';
import { OperationResource } from './resource';
import { AllocateResourceInput, ReleaseResourceInput } from './resource.input';
import { RESOURCE_TRANSITIONS, ResourceState } from './resource.rules';

/** Resources (lực lượng, phương tiện, vật tư): the center allocates and releases them. */
@Resolver(() => OperationResource)
export class ResourceResolver {
  @Authorized(Role.LEADER, Role.OPERATOR)
  @Mutation(() => OperationResource, { description: 'Allocates forces, vehicles, equipment or supplies to the operation (leaders and operators)' })
  async allocateResource(@Arg('operationId', () => ID) operationId: string, @Arg('input', () => AllocateResourceInput) input: AllocateResourceInput, @Ctx() ctx: CommandContext) {
    const agencyId = input.agencyId ? (await requireAgencies(ctx, [requireId(input.agencyId, 'agencyId')], 'agencyId'))[0].id : null;
    return inTransaction(ctx.em, async (em) => {
      const operation = await lockOperation(ctx, em, operationId, 'share');
      assertActive(operation);
      const now = ctx.clock.now();
      const resource = em.create(OperationResource, {
        operation,
        kind: input.kind,
        quantity: input.quantity,
        description: input.description.trim(),
        agencyId,
        latitude: input.location?.latitude ?? null,
        longitude: input.location?.longitude ?? null,
        state: ResourceState.ALLOCATED,
        allocatedAt: now,
        allocatedBy: ctx.identity.subject!,
      } as never) as OperationResource;
      em.persist(resource);
      const participants = await participantsOf(em, operation.id);
      const step = { action: 'allocateResource', event: 'resource.allocated', subjectType: LogSubject.RESOURCE, subjectId: resource.id, toState: resource.state, note: `${resource.quantity} × ${resource.kind}: ${resource.description}` };
      await recordStep(ctx, em, now, operation, step, { agencyIds: [agencyId, ...participants.agencyIds] });
      return resource;
    });
  }

  @Authorized(Role.LEADER, Role.OPERATOR)
  @Mutation(() => OperationResource, { description: 'Releases a resource the operation no longer needs (leaders and operators); releasing twice is CONFLICT' })
  releaseResource(
    @Arg('resourceId', () => ID) resourceId: string,
    @Arg('input', () => ReleaseResourceInput, { nullable: true }) input: ReleaseResourceInput | null,
    @Ctx() ctx: CommandContext,
  ) {
    return inTransaction(ctx.em, async (em) => {
      const id = requireId(resourceId, 'resourceId');
      const found = await em.findOne(OperationResource, { id });
      if (!found) throw notFound('OperationResource', resourceId);
      const operation = await lockOperation(ctx, em, found.operation.id, 'share');
      const resource = (await em.findOne(OperationResource, { id }, { refresh: true }))!;
      const to = checkTransition(RESOURCE_TRANSITIONS, 'releaseResource', resource.state, (actor) => actsAs(ctx.identity, actor));
      assertActive(operation);
      const from = resource.state;
      const now = ctx.clock.now();
      Object.assign(resource, { state: to, releasedAt: now, releasedBy: ctx.identity.subject });
      const participants = await participantsOf(em, operation.id);
      const step = { action: 'releaseResource', event: 'resource.released', subjectType: LogSubject.RESOURCE, subjectId: resource.id, fromState: from, toState: to, note: input?.note?.trim() ?? null };
      await recordStep(ctx, em, now, operation, step, { agencyIds: [resource.agencyId, ...participants.agencyIds] });
      return resource;
    });
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The agency providing it' })
  agency(@Root() resource: OperationResource) {
    return agencyRef(resource.agencyId);
  }

  @FieldResolver(() => GeoPoint, { nullable: true, description: 'Where it is staged' })
  location(@Root() resource: OperationResource) {
    return geoPoint(resource.latitude, resource.longitude);
  }
}
