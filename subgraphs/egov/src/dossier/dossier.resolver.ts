import { CacheHint, ConnectionArgs, forbidden, hasRole, isCenter, paginate, Role } from '@ioc-graph/platform';
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { EgovContext } from '../context';
import { Agency, ref } from '../foreign/entities';
import { Procedure } from '../procedure/procedure';
import { procedureById } from '../procedure/procedure.loader';
import { Bucket, DossierStatus } from '../vocabulary';
import { Dossier, DossierStat } from './dossier';
import { INGEST_ROLES } from './dossier.bulk';
import { DossierConnection, DossierIngestResult, IngestDossiersInput } from './dossier.input';
import { ingestDossiers, MAX_BATCH } from './ingestDossiers';
import { dossierStats } from './stats';

/** Who reads dossiers: the center and the one-stop-shop system all of them, an agency's staff its own. */
const DOSSIER_READERS = [Role.LEADER, Role.OPERATOR, Role.AGENCY_STAFF, Role.SYSTEM] as const;

/** Dossiers in (the one-stop-shop system and operators), statistics out (open data), dossiers themselves for staff. */
@Resolver(() => Dossier)
export class DossierResolver {
  @Authorized(...INGEST_ROLES)
  @Mutation(() => DossierIngestResult, {
    description: `Stores up to ${MAX_BATCH} dossiers of the one-stop-shop system, validated as a whole; idempotent by (source, sourceId) and versioned by updatedAt (a newer state replaces the stored one); systems sending more use POST /ingest/v1/dossiers`,
  })
  ingestDossiers(
    // The ingest checks every dossier itself, in one pass: class-validator would walk 10,000 objects for nothing.
    @Arg('input', () => IngestDossiersInput, { description: 'The batch', validate: false }) input: IngestDossiersInput,
    @Ctx() ctx: EgovContext,
  ): Promise<DossierIngestResult> {
    return ingestDossiers(ctx.em, ctx.clock, input.source, input.dossiers, ctx.identity);
  }

  @CacheHint(60)
  @Query(() => [DossierStat], {
    description:
      'Dossiers received, finished and returned per Asia/Ho_Chi_Minh bucket, of the agencies serving a subtree or of one agency, from the hourly rollups. Public',
  })
  dossierStats(
    @Arg('from', { description: 'Start (inclusive, UTC instant)' }) from: Date,
    @Arg('to', { description: 'End (exclusive)' }) to: Date,
    @Arg('bucket', () => Bucket, { description: 'Width of each bucket' }) bucket: Bucket,
    @Ctx() ctx: EgovContext,
    @Arg('withinUnitId', () => ID, { nullable: true, description: 'Only agencies serving this unit or a unit below it' })
    withinUnitId?: string | null,
    @Arg('agencyId', () => ID, { nullable: true, description: 'Only this agency' }) agencyId?: string | null,
  ) {
    return dossierStats(ctx, { withinUnitId, agencyId, from, to, bucket });
  }

  @Authorized(...DOSSIER_READERS)
  @Query(() => DossierConnection, {
    description: 'Dossiers, latest received first. The center and the one-stop-shop system read all, an agency’s staff only its own',
  })
  async dossiers(
    @Args() { first, after }: ConnectionArgs,
    @Ctx() ctx: EgovContext,
    @Arg('agencyId', () => ID, { nullable: true, description: 'Only this agency’s dossiers' }) agencyId?: string | null,
    @Arg('status', () => DossierStatus, { nullable: true, description: 'Only dossiers in this state' }) status?: DossierStatus | null,
    @Arg('overdue', () => Boolean, { nullable: true, description: 'true: only dossiers being handled past their due time now' })
    overdue?: boolean | null,
  ) {
    const where: FilterQuery<Dossier>[] = [];
    if (!isCenter(ctx.identity) && !hasRole(ctx.identity, Role.SYSTEM)) {
      if (!ctx.identity.agencyId) throw forbidden('Only the center and agencies read dossiers');
      if (agencyId && agencyId.toLowerCase() !== ctx.identity.agencyId) throw forbidden('These dossiers are another agency’s');
      where.push({ agencyId: ctx.identity.agencyId });
    }
    if (agencyId) where.push({ agencyId: agencyId.toLowerCase() });
    if (status) where.push({ status });
    if (overdue === true) where.push({ status: DossierStatus.RECEIVED, dueAt: { $lt: ctx.clock.now() } });
    if (overdue === false) where.push({ $or: [{ status: { $ne: DossierStatus.RECEIVED } }, { dueAt: { $gte: ctx.clock.now() } }] });
    return paginate(ctx.em, Dossier, where.length ? { $and: where } : {}, { first, after, orderBy: 'receivedAt', direction: 'DESC' });
  }

  @FieldResolver(() => Procedure, { description: 'The procedure it is filed under' })
  procedure(@Root() dossier: Dossier, @Ctx() ctx: EgovContext) {
    return procedureById(ctx).load(dossier.procedureId);
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The agency handling it; null when the directory service is unavailable' })
  agency(@Root() dossier: Dossier) {
    return ref<Agency>(dossier.agencyId);
  }

  @FieldResolver({ description: 'Being handled past its due time now, or finished after it (trễ hạn)' })
  late(@Root() dossier: Dossier, @Ctx() ctx: EgovContext): boolean {
    const due = new Date(dossier.dueAt).getTime();
    return dossier.finishedAt
      ? new Date(dossier.finishedAt).getTime() > due
      : dossier.status === DossierStatus.RECEIVED && ctx.clock.now().getTime() > due;
  }
}
