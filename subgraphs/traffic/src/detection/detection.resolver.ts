import { CacheHint, ConnectionArgs, paginate, Role, STAFF_AND_SYSTEMS } from '@ioc-graph/platform';
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Camera } from '../camera/camera';
import { cameraById } from '../camera/camera.loader';
import type { TrafficContext } from '../context';
import { Bucket, DetectionKind } from '../vocabulary';
import { CongestionPoint, Detection, ViolationStat } from './detection';
import {
  CameraHeartbeatInput,
  DetectionConnection,
  HeartbeatResult,
  IngestCongestionInput,
  IngestDetectionsInput,
  TrafficIngestResult,
} from './detection.input';
import { INGEST_ROLES } from './detection.bulk';
import { ingestCameraHeartbeats, ingestCongestion, ingestDetections, MAX_BATCH } from './ingest';
import { congestionSeries, violationStats } from './stats';

/** Detections in (the cameras' platforms and operators) and statistics out (open data). */
@Resolver(() => Detection)
export class DetectionResolver {
  @Authorized(...INGEST_ROLES)
  @Mutation(() => TrafficIngestResult, {
    description: `Stores up to ${MAX_BATCH} camera detections, validated as a whole and idempotent by (source, sourceId); systems sending more use POST /ingest/v1/detections`,
  })
  ingestDetections(
    // The ingest checks every detection itself, in one pass: class-validator would walk 10,000 objects for nothing.
    @Arg('input', () => IngestDetectionsInput, { description: 'The batch', validate: false }) input: IngestDetectionsInput,
    @Ctx() ctx: TrafficContext,
  ): Promise<TrafficIngestResult> {
    return ingestDetections(ctx.em, ctx.clock, input.source, input.detections, ctx.identity);
  }

  @Authorized(Role.SYSTEM, Role.OPERATOR)
  @Mutation(() => HeartbeatResult, {
    description: `Records up to ${MAX_BATCH} camera heartbeats, refreshes every camera’s status and judges the CAMERA_OFFLINE rules`,
  })
  ingestCameraHeartbeats(
    @Arg('heartbeats', () => [CameraHeartbeatInput], { description: 'The heartbeats, up to 10,000' }) heartbeats: CameraHeartbeatInput[],
    @Ctx() ctx: TrafficContext,
  ): Promise<HeartbeatResult> {
    return ingestCameraHeartbeats(ctx.em, ctx.clock, heartbeats, ctx.identity);
  }

  @Authorized(Role.SYSTEM, Role.OPERATOR)
  @Mutation(() => TrafficIngestResult, {
    description: `Stores up to ${MAX_BATCH} congestion measurements of road segments, idempotent by (source, sourceId)`,
  })
  ingestCongestion(
    @Arg('input', () => IngestCongestionInput, { description: 'The batch' }) input: IngestCongestionInput,
    @Ctx() ctx: TrafficContext,
  ): Promise<TrafficIngestResult> {
    return ingestCongestion(ctx.em, ctx.clock, input.source, input.readings, ctx.identity);
  }

  @Query(() => [ViolationStat], {
    description: 'Camera detections per kind and Asia/Ho_Chi_Minh bucket over the cameras of a subtree, from the hourly rollups. Public',
  })
  violationStats(
    @Arg('from', { description: 'Start (inclusive, UTC instant)' }) from: Date,
    @Arg('to', { description: 'End (exclusive)' }) to: Date,
    @Arg('bucket', () => Bucket, { description: 'Width of each bucket' }) bucket: Bucket,
    @Ctx() ctx: TrafficContext,
    @Arg('withinUnitId', () => ID, {
      nullable: true,
      description: 'Only cameras in this administrative unit or below it; all when omitted',
    })
    withinUnitId?: string | null,
    @Arg('kinds', () => [DetectionKind], { nullable: true, description: 'Only these kinds; all kinds when omitted' })
    kinds?: DetectionKind[] | null,
  ) {
    return violationStats(ctx, { withinUnitId, from, to, bucket, kinds });
  }

  @CacheHint(60)
  @Query(() => [CongestionPoint], {
    description:
      'A road segment’s average and highest congestion level per Asia/Ho_Chi_Minh bucket over [from, to); buckets without a measurement are left out. Public',
  })
  congestionSeries(
    @Arg('segmentCode', { description: 'Code of the road segment' }) segmentCode: string,
    @Arg('from', { description: 'Start (inclusive, UTC instant)' }) from: Date,
    @Arg('to', { description: 'End (exclusive)' }) to: Date,
    @Arg('bucket', () => Bucket, { description: 'Width of each bucket' }) bucket: Bucket,
    @Ctx() ctx: TrafficContext,
  ) {
    return congestionSeries(ctx, { segmentCode, from, to, bucket });
  }

  @Query(() => DetectionConnection, { description: 'Detections, newest first. Public, but plates and images are for staff only' })
  async detections(
    @Args() { first, after }: ConnectionArgs,
    @Ctx() ctx: TrafficContext,
    @Arg('cameraCode', () => String, { nullable: true, description: 'Only detections of this camera' }) cameraCode?: string | null,
    @Arg('withinUnitId', () => ID, { nullable: true, description: 'Only cameras in this administrative unit or below it' })
    withinUnitId?: string | null,
    @Arg('kind', () => DetectionKind, { nullable: true, description: 'Only this kind' }) kind?: DetectionKind | null,
    @Arg('from', () => Date, { nullable: true, description: 'Detected at or after (UTC instant)' }) from?: Date | null,
    @Arg('to', () => Date, { nullable: true, description: 'Detected before (UTC instant)' }) to?: Date | null,
  ) {
    const where: FilterQuery<Detection>[] = [];
    if (cameraCode || withinUnitId) {
      const cameras = await ctx.em.find(Camera, {
        ...(cameraCode ? { code: cameraCode } : {}),
        ...(withinUnitId ? { unitLineage: { $contains: [withinUnitId.toLowerCase()] } } : {}),
      });
      where.push({ cameraId: { $in: cameras.map((c) => c.id) } });
    }
    if (kind) where.push({ kind });
    if (from) where.push({ detectedAt: { $gte: from } });
    if (to) where.push({ detectedAt: { $lt: to } });
    return paginate(ctx.em, Detection, where.length ? { $and: where } : {}, { first, after, orderBy: 'detectedAt', direction: 'DESC' });
  }

  @FieldResolver(() => Camera, { description: 'The camera that saw it' })
  camera(@Root() detection: Detection, @Ctx() ctx: TrafficContext) {
    return cameraById(ctx).load(detection.cameraId);
  }

  @Authorized(...STAFF_AND_SYSTEMS)
  @FieldResolver(() => String, { nullable: true, description: 'The licence plate read (personal data: staff only)' })
  plate(@Root() detection: Detection): string | null {
    return detection.plate;
  }

  @Authorized(...STAFF_AND_SYSTEMS)
  @FieldResolver(() => String, { description: 'The evidence image (may show a plate or a face: staff only)' })
  imageUrl(@Root() detection: Detection): string {
    return detection.imageUrl;
  }
}
