import { bucketedSeries, CacheHint, checkSeriesSpan, loaderByForeignKey, withinUnitSql } from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { UrbanContext } from '../context';
import { AdministrativeUnit, ref } from '../foreign/entities';
import { MAX_BATCH, UrbanIngestResult } from '../ingest';
import { Bucket } from '../vocabulary';
import { ingestLightingReports } from './ingest';
import { INGEST_ROLES } from './lighting.bulk';
import { IngestLightingReportsInput } from './lighting.input';
import { LightingCabinet, LightingCircuit, LightingPoint } from './lighting';

const within = (withinUnitId?: string | null) => (withinUnitId ? { unitLineage: { $contains: [withinUnitId.toLowerCase()] } } : {});

/** Street lighting: cabinets, circuits and their controllers' reports. Open data; reports come from the lighting SCADA. */
@Resolver(() => LightingCabinet)
export class LightingCabinetResolver {
  @CacheHint(30)
  @Query(() => [LightingCabinet], { description: 'Lighting cabinets, optionally within an administrative unit’s subtree, by code. Public' })
  lightingCabinets(
    @Ctx() ctx: UrbanContext,
    @Arg('withinUnitId', () => ID, { nullable: true, description: 'Only cabinets in this unit or below it; all when omitted' })
    withinUnitId?: string | null,
  ) {
    return ctx.em.find(LightingCabinet, within(withinUnitId), { orderBy: { code: 'ASC' } });
  }

  @FieldResolver(() => [LightingCircuit], { description: 'Its circuits, by code' })
  circuits(@Root() cabinet: LightingCabinet, @Ctx() ctx: UrbanContext) {
    return loaderByForeignKey(ctx, LightingCircuit, 'cabinetId', { code: 'ASC' }, { readOnly: true }).load(cabinet.id);
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: 'The unit it sits in; null when the directory is unavailable' })
  administrativeUnit(@Root() cabinet: LightingCabinet) {
    return ref<AdministrativeUnit>(cabinet.unitId);
  }

  @Authorized(...INGEST_ROLES)
  @Mutation(() => UrbanIngestResult, {
    description: `Stores up to ${MAX_BATCH} lighting controllers’ reports, validated as a whole and idempotent by (source, sourceId), and judges the lighting rules; systems sending more use POST /ingest/v1/lighting-reports`,
  })
  ingestLightingReports(
    @Arg('input', () => IngestLightingReportsInput, { description: 'The batch', validate: false }) input: IngestLightingReportsInput,
    @Ctx() ctx: UrbanContext,
  ): Promise<UrbanIngestResult> {
    return ingestLightingReports(ctx.em, ctx.clock, input.source, input.reports, ctx.identity);
  }

  @CacheHint(60)
  @Query(() => [LightingPoint], {
    description:
      'Lighting controllers’ reports over the circuits of a subtree per Asia/Ho_Chi_Minh bucket, from the hourly rollups; empty buckets left out. Public',
  })
  async lightingSeries(
    @Arg('from', { description: 'Start (inclusive, UTC instant)' }) from: Date,
    @Arg('to', { description: 'End (exclusive)' }) to: Date,
    @Arg('bucket', () => Bucket, { description: 'Width of each bucket' }) bucket: Bucket,
    @Ctx() ctx: UrbanContext,
    @Arg('withinUnitId', () => ID, { nullable: true, description: 'Only circuits in this unit or below it; all when omitted' })
    withinUnitId?: string | null,
  ): Promise<LightingPoint[]> {
    checkSeriesSpan(from, to, 'Statistics span');
    const rows = await bucketedSeries<{ reports: number; sum: number; max: number }>(ctx.em, {
      bucket,
      time: 'h.hour',
      source: 'urban.hourly_lighting h join urban.lighting_circuit c on c.id = h.circuit_id',
      measures: 'sum(h.count)::int as reports, sum(h.sum)::float8 as sum, max(h.max)::int as max',
      where: withinUnitId ? [{ sql: withinUnitSql('c'), params: [withinUnitId.toLowerCase()] }] : [],
      from,
      to,
    });
    return rows.map((r) => ({
      bucketStart: r.bucketStart,
      reports: Number(r.reports),
      averageFailedLamps: Number(r.reports) ? Number(r.sum) / Number(r.reports) : 0,
      maxFailedLamps: Number(r.max),
    }));
  }
}

/** Lighting circuits with their latest state: open data. */
@Resolver(() => LightingCircuit)
export class LightingCircuitResolver {
  @CacheHint(30)
  @Query(() => [LightingCircuit], { description: 'Lighting circuits, optionally within a unit’s subtree or faulty only, by code. Public' })
  lightingCircuits(
    @Ctx() ctx: UrbanContext,
    @Arg('withinUnitId', () => ID, { nullable: true, description: 'Only circuits in this unit or below it; all when omitted' })
    withinUnitId?: string | null,
    @Arg('faultyOnly', () => Boolean, { nullable: true, description: 'Only circuits reporting FAULT or failed lamps' })
    faultyOnly?: boolean | null,
  ) {
    const faulty = faultyOnly ? { $or: [{ state: 'FAULT' }, { failedLamps: { $gt: 0 } }] } : {};
    return ctx.em.find(LightingCircuit, { ...within(withinUnitId), ...faulty } as object, { orderBy: { code: 'ASC' } });
  }
}
