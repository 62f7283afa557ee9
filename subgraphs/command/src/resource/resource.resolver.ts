import { CENTER_ROLES, geoPoint, GeoPoint, inTransaction, notFound, requireId, takeStep } from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { CommandContext } from '../context';
import { requireAgencies } from '../foreign/directoryLookup';
import { Agency, agencyRef } from '../foreign/entities';
import { journaled, participantsOf, recordStep } from '../log/journal';
import { LogSubject } from '../log/logEntry';
import type { Operation } from '../operation/operation';
import { assertActive, commandTransition } from '../operation/operation.rules';
import { lockOperation } from '../operation/operation.steps';
import { OperationResource } from './resource';
import { AllocateResourceInput, ReleaseResourceInput } from './resource.input';
import { RESOURCE_TRANSITIONS, ResourceState } from './resource.rules';

/** Resources (lực lượng, phương tiện, vật tư): the center allocates and releases them. */
@Resolver(() => OperationResource)
export class ResourceResolver {
  @Authorized(...CENTER_ROLES)
  @Mutation(() => OperationResource, {
    description: 'Allocates forces, vehicles, equipment or supplies to the operation (leaders and operators)',
  })
  async allocateResource(
    @Arg('operationId', () => ID, { description: 'Id of the active operation' }) operationId: string,
    @Arg('input', () => AllocateResourceInput, { description: 'What to allocate' }) input: AllocateResourceInput,
    @Ctx() ctx: CommandContext,
  ) {
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
      });
      em.persist(resource);
      const participants = await participantsOf(em, operation.id);
      const step = {
        action: 'allocateResource',
        event: 'resource.allocated' as const,
        subjectType: LogSubject.RESOURCE,
        subjectId: resource.id,
        toState: resource.state,
        note: `${resource.quantity} × ${resource.kind}: ${resource.description}`,
      };
      await recordStep(ctx, em, now, operation, step, { agencyIds: [agencyId, ...participants.agencyIds] });
      return resource;
    });
  }

  @Authorized(...CENTER_ROLES)
  @Mutation(() => OperationResource, {
    description: 'Releases a resource the operation no longer needs (leaders and operators); releasing twice is CONFLICT',
  })
  releaseResource(
    @Arg('resourceId', () => ID, { description: 'Id of the allocated resource' }) resourceId: string,
    @Arg('input', () => ReleaseResourceInput, { nullable: true, description: 'An optional note' }) input: ReleaseResourceInput | null,
    @Ctx() ctx: CommandContext,
  ) {
    let operation!: Operation;
    return takeStep(ctx.em, {
      actor: ctx.identity,
      at: ctx.clock.now(),
      requestId: ctx.requestId,
      action: 'releaseResource',
      load: async (em) => {
        const id = requireId(resourceId, 'resourceId');
        const found = await em.findOne(OperationResource, { id });
        if (!found) throw notFound('OperationResource', resourceId);
        operation = await lockOperation(ctx, em, found.operation.id, 'share');
        return (await em.findOne(OperationResource, { id }, { refresh: true }))!;
      },
      transition: commandTransition(ctx.identity, RESOURCE_TRANSITIONS),
      guard: () => assertActive(operation),
      note: input?.note?.trim() ?? null,
      apply: (resource, _em, now) => {
        Object.assign(resource, { releasedAt: now, releasedBy: ctx.identity.subject });
      },
      ...journaled(
        ctx,
        () => operation,
        (resource: OperationResource) => ({ subjectType: LogSubject.RESOURCE, subjectId: resource.id }),
        'resource.released',
        async (resource, em) => ({
          agencyIds: [resource.agencyId, ...(await participantsOf(em, operation.id)).agencyIds],
        }),
      ),
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
