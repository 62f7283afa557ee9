import { badInput, CacheHint, foldVietnamese, STAFF_AND_SYSTEMS, withinUnitSql } from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HealthContext } from '../context';
import { AdministrativeUnit, ref } from '../foreign/entities';
import { INGEST_ROLES } from '../ingestRoutes';
import { Bucket, DISEASE_NAMES, FACILITY_KIND_NAMES, FACILITY_LEVEL_NAMES, FacilityKind, HealthTerm, termsOf } from '../vocabulary';
import { Facility } from './facility';
import { ingestFacilityLoads } from './ingestLoads';
import { LatestLoad } from './load';
import { HealthIngestResult, IngestFacilityLoadsInput, MAX_BATCH } from './load.input';
import { LoadMetric, LoadPoint, loadSeries } from './loadSeries';

const MAX_PAGE = 200;

/** The latest load of every facility of a request, in one statement. */
const latestLoadOf = (ctx: HealthContext) =>
  ctx.loaders.get<string, LatestLoad | null>('facility:load', async (ids) => {
    const rows = await ctx.em.getConnection().execute<(LatestLoad & { beds: number })[]>(
      `select l.facility_id as "facilityId", l.reported_at as "reportedAt", l.beds_occupied as "bedsOccupied",
         l.emergency_waiting as "emergencyWaiting", l.ambulances_available as "ambulancesAvailable", f.beds
       from health.latest_load l join health.facility f on f.id = l.facility_id where l.facility_id in (?)`,
      [[...ids]],
    );
    const byId = new Map(rows.map((r) => [r.facilityId, r]));
    return ids.map((id) => {
      const r = byId.get(id);
      return r
        ? Object.assign(new LatestLoad(), {
            ...r,
            reportedAt: new Date(r.reportedAt),
            bedOccupancy: r.beds ? Math.round((r.bedsOccupied * 1000) / r.beds) / 10 : 0,
          })
        : null;
    });
  });

/** The registry of health facilities (open data) and their load (staff data, sent in by their systems). */
@Resolver(() => Facility)
export class FacilityResolver {
  @CacheHint(60)
  @Query(() => [Facility], { description: `Health facilities by code, at most ${MAX_PAGE}. Public` })
  healthFacilities(
    @Ctx() ctx: HealthContext,
    @Arg('withinUnitId', () => ID, { nullable: true, description: 'Only facilities in this administrative unit or below it' })
    withinUnitId?: string | null,
    @Arg('kind', () => FacilityKind, { nullable: true, description: 'Only facilities of this kind' }) kind?: FacilityKind | null,
    @Arg('search', () => String, { nullable: true, description: 'Words of the name or address, with or without diacritics' })
    search?: string | null,
    @Arg('first', () => Int, { nullable: true, description: `How many, 1 to ${MAX_PAGE}; @default 50` }) first?: number | null,
  ): Promise<Facility[]> {
    const limit = first ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE)
      throw badInput(`first must be 1 to ${MAX_PAGE}`, [{ field: 'first', message: `must be 1 to ${MAX_PAGE}` }]);
    if (search && search.length > 200) throw badInput('search is too long', [{ field: 'search', message: 'at most 200 characters' }]);
    const words = search ? foldVietnamese(search).split(/\s+/).filter(Boolean) : [];
    const qb = ctx.em.createQueryBuilder(Facility, 'f').select('*').where({ active: true });
    if (withinUnitId) qb.andWhere(withinUnitSql('f'), [withinUnitId.toLowerCase()]);
    if (kind) qb.andWhere({ kind });
    for (const word of words) qb.andWhere({ searchText: { $like: `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } });
    return qb.orderBy({ code: 'asc' }).limit(limit).getResultList();
  }

  @CacheHint(60)
  @Query(() => Facility, { nullable: true, description: 'A health facility by its code; null when unknown. Public' })
  healthFacility(@Arg('code', { description: 'The facility’s code, e.g. BP-BV-DKT' }) code: string, @Ctx() ctx: HealthContext) {
    return ctx.em.findOne(Facility, { code });
  }

  @Authorized(...STAFF_AND_SYSTEMS)
  @FieldResolver(() => LatestLoad, { nullable: true, description: 'Its latest reported load; null before any report. Staff roles only' })
  load(@Root() facility: Facility, @Ctx() ctx: HealthContext): Promise<LatestLoad | null> {
    return latestLoadOf(ctx).load(facility.id);
  }

  @FieldResolver(() => AdministrativeUnit, {
    nullable: true,
    description: 'The administrative unit it sits in (resolved by the directory)',
  })
  unit(@Root() facility: Facility): AdministrativeUnit | null {
    return ref<AdministrativeUnit>(facility.unitId);
  }

  @Authorized(...STAFF_AND_SYSTEMS)
  @Query(() => [LoadPoint], {
    description: 'A facility’s load per bucket (Asia/Ho_Chi_Minh), from its hourly rollups. Staff roles only',
  })
  facilityLoadSeries(
    @Arg('facilityCode', { description: 'The facility’s code, e.g. BP-BV-DKT' }) facilityCode: string,
    @Arg('metric', () => LoadMetric, { description: 'What of its load' }) metric: LoadMetric,
    @Arg('from', { description: 'Start of the series (inclusive, UTC instant)' }) from: Date,
    @Arg('to', { description: 'End of the series (exclusive), at most 731 days after from' }) to: Date,
    @Arg('bucket', () => Bucket, { description: 'Width of each point' }) bucket: Bucket,
    @Ctx() ctx: HealthContext,
  ): Promise<LoadPoint[]> {
    return loadSeries(ctx, { facilityCode, metric, from, to, bucket });
  }

  @FieldResolver(() => HealthTerm, { description: 'Its kind with Vietnamese and English names' })
  kindName(@Root() facility: Facility): HealthTerm {
    return { code: facility.kind, ...FACILITY_KIND_NAMES[facility.kind] };
  }

  @Authorized(...INGEST_ROLES)
  @Mutation(() => HealthIngestResult, {
    description: `Stores up to ${MAX_BATCH} facility load reports, validated as a whole and idempotent by (source, sourceId); systems sending more use POST /ingest/v1/facility-loads`,
  })
  ingestFacilityLoads(
    @Arg('input', () => IngestFacilityLoadsInput, { description: 'The batch', validate: false }) input: IngestFacilityLoadsInput,
    @Ctx() ctx: HealthContext,
  ): Promise<HealthIngestResult> {
    return ingestFacilityLoads(ctx.em, ctx.clock, input.source, input.loads, ctx.identity);
  }

  @CacheHint(3600)
  @Query(() => [HealthTerm], { description: 'The notifiable diseases under surveillance, with Vietnamese and English names. Public' })
  diseases(): HealthTerm[] {
    return termsOf(DISEASE_NAMES);
  }

  @CacheHint(3600)
  @Query(() => [HealthTerm], { description: 'The kinds of health facility, with Vietnamese and English names. Public' })
  facilityKinds(): HealthTerm[] {
    return termsOf(FACILITY_KIND_NAMES);
  }

  @CacheHint(3600)
  @Query(() => [HealthTerm], { description: 'The levels of the health system (tuyến), with Vietnamese and English names. Public' })
  facilityLevels(): HealthTerm[] {
    return termsOf(FACILITY_LEVEL_NAMES);
  }
}
