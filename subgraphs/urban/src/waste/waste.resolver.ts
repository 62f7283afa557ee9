import {
  auditEntry,
  BatchProblems,
  bucketedSeries,
  CacheHint,
  checkEventTime,
  checkSeriesSpan,
  GeoPoint,
  geoPoint,
  STAFF_AND_SYSTEMS,
  STAFF_ROLES,
  withinUnitSql,
} from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { UrbanContext } from '../context';
import { AdministrativeUnit, ref } from '../foreign/entities';
import { MAX_BATCH, rowsByCode, UrbanIngestResult } from '../ingest';
import { INGEST_ROLES } from '../lighting/lighting.bulk';
import { judgeUrban } from '../rule/evaluate';
import { Bucket, CollectionMethod } from '../vocabulary';
import { ingestTruckPings } from './ingest';
import { Collection, CollectionPoint, CollectionStat, TruckPing, WasteTruck } from './waste';
import { IngestTruckPingsInput, RecordCollectionInput } from './waste.input';

const within = (withinUnitId?: string | null) => (withinUnitId ? { unitLineage: { $contains: [withinUnitId.toLowerCase()] } } : {});

/** Waste collection: points and their collections (open data), trucks' GPS pings (staff only). */
@Resolver(() => CollectionPoint)
export class CollectionPointResolver {
  @CacheHint(60)
  @Query(() => [CollectionPoint], { description: 'Waste collection points, optionally within a unit’s subtree, by code. Public' })
  collectionPoints(
    @Ctx() ctx: UrbanContext,
    @Arg('withinUnitId', () => ID, { nullable: true, description: 'Only points in this unit or below it; all when omitted' })
    withinUnitId?: string | null,
  ) {
    return ctx.em.find(CollectionPoint, within(withinUnitId), { orderBy: { code: 'ASC' } });
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: 'The unit it sits in; null when the directory is unavailable' })
  administrativeUnit(@Root() point: CollectionPoint) {
    return ref<AdministrativeUnit>(point.unitId);
  }

  @FieldResolver(() => Date, { nullable: true, description: 'Its latest collection; null if never collected' })
  lastCollectedAt(@Root() point: CollectionPoint, @Ctx() ctx: UrbanContext): Promise<Date | null> {
    return ctx.loaders
      .get<string, Date | null>('point:lastCollectedAt', async (ids) => {
        const rows = await ctx.em
          .getConnection()
          .execute<{ pointId: string; at: Date }[]>(
            `select point_id as "pointId", max(collected_at) as at from urban.collection where point_id = any(?::uuid[]) group by 1`,
            [`{${ids.join(',')}}`],
          );
        const byId = new Map(rows.map((r) => [r.pointId, new Date(r.at)]));
        return ids.map((id) => byId.get(id) ?? null);
      })
      .load(point.id);
  }

  @CacheHint(60)
  @Query(() => [CollectionStat], {
    description:
      'Collections of the points of a subtree per Asia/Ho_Chi_Minh bucket (by the time collected); empty buckets left out. Public',
  })
  async collectionSeries(
    @Arg('from', { description: 'Start (inclusive, UTC instant)' }) from: Date,
    @Arg('to', { description: 'End (exclusive)' }) to: Date,
    @Arg('bucket', () => Bucket, { description: 'Width of each bucket' }) bucket: Bucket,
    @Ctx() ctx: UrbanContext,
    @Arg('withinUnitId', () => ID, { nullable: true, description: 'Only points in this unit or below it; all when omitted' })
    withinUnitId?: string | null,
  ): Promise<CollectionStat[]> {
    checkSeriesSpan(from, to, 'Statistics span');
    const rows = await bucketedSeries<{ collections: number }>(ctx.em, {
      bucket,
      time: 'c.collected_at',
      source: 'urban.collection c join urban.collection_point p on p.id = c.point_id',
      measures: 'count(*)::int as collections',
      where: withinUnitId ? [{ sql: withinUnitSql('p'), params: [withinUnitId.toLowerCase()] }] : [],
      from,
      to,
    });
    return rows.map((r) => ({ bucketStart: r.bucketStart, collections: Number(r.collections) }));
  }

  @Authorized(...STAFF_ROLES)
  @Mutation(() => Collection, {
    description:
      'Records that staff collected a point (a truck without GPS, a collection on foot): the point counts as collected on that Asia/Ho_Chi_Minh day. Once per point and day: a second record answers the first. Staff roles only',
  })
  async recordCollection(
    @Arg('input', () => RecordCollectionInput, { description: 'The point and when it was collected' }) input: RecordCollectionInput,
    @Ctx() ctx: UrbanContext,
  ) {
    const problems = new BatchProblems();
    const point = (await rowsByCode(ctx.em, 'collection_point', [input.pointCode])).get(input.pointCode);
    if (!point) problems.add('input.pointCode', `no collection point ${input.pointCode.slice(0, 100)}`);
    const now = ctx.clock.now();
    checkEventTime(problems, 'input.collectedAt', input.collectedAt, now.getTime());
    problems.throwIfAny();
    return ctx.em.transactional(async (tx) => {
      const [added] = await tx.execute<{ id: string }[]>(
        `insert into urban.collection (id, point_id, local_day, collected_at, method, recorded_by)
         values (gen_random_uuid(), ?, (?::timestamptz at time zone 'Asia/Ho_Chi_Minh')::date, ?, ?, ?)
         on conflict (point_id, local_day) do nothing returning id`,
        [point!.id, input.collectedAt.toISOString(), input.collectedAt.toISOString(), CollectionMethod.RECORD, ctx.identity.subject],
      );
      if (added) {
        tx.persist(
          auditEntry(
            ctx.identity,
            ctx.requestId,
            { entityType: 'Collection', entityId: added.id, action: 'recorded', changes: { pointCode: [null, input.pointCode] } },
            now,
          ),
        );
        await judgeUrban(tx, now, ctx.identity);
      }
      const [row] = await tx.execute<{ id: string }[]>(
        `select id from urban.collection where point_id = ? and local_day = (?::timestamptz at time zone 'Asia/Ho_Chi_Minh')::date`,
        [point!.id, input.collectedAt.toISOString()],
      );
      return tx.findOneOrFail(Collection, { id: row!.id });
    });
  }
}

/** Waste trucks: public list; their positions and pings are staff only. */
@Resolver(() => WasteTruck)
export class WasteTruckResolver {
  @CacheHint(60)
  @Query(() => [WasteTruck], { description: 'Waste collection trucks, by code. Public (their positions are staff only)' })
  wasteTrucks(@Ctx() ctx: UrbanContext) {
    return ctx.em.find(WasteTruck, {}, { orderBy: { code: 'ASC' } });
  }

  @Authorized(...STAFF_AND_SYSTEMS)
  @FieldResolver(() => GeoPoint, { nullable: true, description: 'Its latest GPS position; null if never heard from. Staff only' })
  lastPosition(@Root() truck: WasteTruck): GeoPoint | null {
    return geoPoint(truck.lastLatitude, truck.lastLongitude);
  }

  @Authorized(...STAFF_AND_SYSTEMS)
  @FieldResolver(() => Date, { nullable: true, description: 'Time of its latest GPS ping. Staff only' })
  lastPingAt(@Root() truck: WasteTruck): Date | null {
    return truck.lastPingAt;
  }

  @Authorized(...STAFF_AND_SYSTEMS)
  @Query(() => [TruckPing], { description: 'A truck’s GPS track over [from, to), oldest first, at most `limit` pings. Staff only' })
  async truckTrack(
    @Arg('truckCode', { description: 'The truck’s code' }) truckCode: string,
    @Arg('from', { description: 'Start (inclusive)' }) from: Date,
    @Arg('to', { description: 'End (exclusive)' }) to: Date,
    @Ctx() ctx: UrbanContext,
    @Arg('limit', () => Int, { defaultValue: 500, description: 'At most this many pings (1–5000)' }) limit: number,
  ) {
    const problems = new BatchProblems();
    if (!Number.isInteger(limit) || limit < 1 || limit > 5000) problems.add('limit', 'must be from 1 to 5000');
    if (!(to.getTime() > from.getTime())) problems.add('to', 'must be after from');
    else if (to.getTime() - from.getTime() > 7 * 86_400_000) problems.add('to', 'at most 7 days after from');
    problems.throwIfAny();
    const truck = (await rowsByCode(ctx.em, 'waste_truck', [truckCode])).get(truckCode);
    if (!truck) return [];
    return ctx.em.find(TruckPing, { truckId: truck.id, at: { $gte: from, $lt: to } }, { orderBy: { at: 'ASC', id: 'ASC' }, limit });
  }

  @Authorized(...INGEST_ROLES)
  @Mutation(() => UrbanIngestResult, {
    description: `Stores up to ${MAX_BATCH} trucks’ GPS pings, idempotent by (source, sourceId); a ping within a point’s radius collects it for that local day. Systems sending more use POST /ingest/v1/truck-pings`,
  })
  ingestTruckPings(
    @Arg('input', () => IngestTruckPingsInput, { description: 'The batch', validate: false }) input: IngestTruckPingsInput,
    @Ctx() ctx: UrbanContext,
  ): Promise<UrbanIngestResult> {
    return ingestTruckPings(ctx.em, ctx.clock, input.source, input.pings, ctx.identity);
  }
}
