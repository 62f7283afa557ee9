import { CacheHint } from '@ioc-graph/platform';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { TrafficContext } from '../context';
import { AdministrativeUnit, ref } from '../foreign/entities';
import { CameraStatus } from '../vocabulary';
import { Camera, RoadSegment } from './camera';
import { cameraByCode, statusOf } from './camera.loader';

const within = (withinUnitId?: string | null) => (withinUnitId ? { unitLineage: { $contains: [withinUnitId.toLowerCase()] } } : {});

/** Traffic cameras: open data (where they are, what road they watch, whether they are online). */
@Resolver(() => Camera)
export class CameraResolver {
  @CacheHint(60)
  @Query(() => [Camera], {
    description: 'Cameras, optionally ONLINE or OFFLINE (as of now) and within an administrative unit’s subtree, by code. Public',
  })
  async cameras(
    @Ctx() ctx: TrafficContext,
    @Arg('status', () => CameraStatus, { nullable: true, description: 'Only cameras with this status now; all when omitted' })
    status?: CameraStatus | null,
    @Arg('withinUnitId', () => ID, {
      nullable: true,
      description: 'Only cameras in this administrative unit or below it; all when omitted',
    })
    withinUnitId?: string | null,
  ): Promise<Camera[]> {
    const cameras = await ctx.em.find(Camera, within(withinUnitId), { orderBy: { code: 'ASC' } });
    if (!status) return cameras;
    const statuses = await Promise.all(cameras.map((c) => statusOf(ctx, c)));
    return cameras.filter((_, i) => statuses[i] === status);
  }

  @CacheHint(60)
  @Query(() => Camera, { nullable: true, description: 'A camera by its code; null when there is none. Public' })
  camera(@Arg('code', { description: 'Code of the camera, e.g. BP-CAM-QL14-DX01' }) code: string, @Ctx() ctx: TrafficContext) {
    return cameraByCode(ctx).load(code);
  }

  @FieldResolver(() => CameraStatus, {
    description: 'ONLINE when heard from (heartbeat or detection) within the CAMERA_OFFLINE rule’s minutes, as of now',
  })
  status(@Root() camera: Camera, @Ctx() ctx: TrafficContext) {
    return statusOf(ctx, camera);
  }

  @FieldResolver(() => AdministrativeUnit, {
    nullable: true,
    description: 'The administrative unit it sits in; null when the directory service is unavailable',
  })
  administrativeUnit(@Root() camera: Camera) {
    return ref<AdministrativeUnit>(camera.unitId);
  }
}

/** Road segments whose congestion is measured: open data. */
@Resolver(() => RoadSegment)
export class RoadSegmentResolver {
  @CacheHint(60)
  @Query(() => [RoadSegment], { description: 'Road segments, optionally within an administrative unit’s subtree, by code. Public' })
  roadSegments(
    @Ctx() ctx: TrafficContext,
    @Arg('withinUnitId', () => ID, {
      nullable: true,
      description: 'Only segments in this administrative unit or below it; all when omitted',
    })
    withinUnitId?: string | null,
  ) {
    return ctx.em.find(RoadSegment, within(withinUnitId), { orderBy: { code: 'ASC' } });
  }

  @FieldResolver(() => AdministrativeUnit, {
    nullable: true,
    description: 'The administrative unit it lies in; null when the directory service is unavailable',
  })
  administrativeUnit(@Root() segment: RoadSegment) {
    return ref<AdministrativeUnit>(segment.unitId);
  }
}
