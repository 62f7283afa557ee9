import {
  auditEntry,
  BatchProblems,
  ConnectionArgs,
  conflict,
  forbidden,
  hasRole,
  isCenter,
  isUuid,
  paginate,
  Role,
  STAFF_AND_SYSTEMS,
  STAFF_ROLES,
  textProblem,
  type Identity,
} from '@ioc-graph/platform';
import { LockMode, type FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { UrbanContext } from '../context';
import { AdministrativeUnit, ref } from '../foreign/entities';
import { unitLineage } from '../foreign/directoryLookup';
import { inRange } from '../ingest';
import { INSPECTION_KINDS, InspectionKind, InspectionKindInfo, InspectionStatus } from '../vocabulary';
import { Inspection } from './inspection';
import { emitInspectionAlert } from './inspectionAlert';
import { FileInspectionInput, InspectionConnection } from './inspection.input';

/** The center and the sector systems read every record; agency staff and field officers their own agency's. */
const visibleTo = (identity: Identity): FilterQuery<Inspection> =>
  isCenter(identity) || hasRole(identity, Role.SYSTEM) ? {} : { agencyId: identity.agencyId ?? '00000000-0000-0000-0000-000000000000' };

function checkText(problems: BatchProblems, field: string, value: string, max: number): string {
  const text = value.trim();
  if (!text || text.length > max) problems.add(field, `must be 1 to ${max} characters`);
  else if (textProblem(text)) problems.add(field, textProblem(text)!);
  return text;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return value.length <= 2000 && (url.protocol === 'https:' || url.protocol === 'http:');
  } catch {
    return false;
  }
}

/** Urban-order inspection records: filed from the field, read by staff only. */
@Resolver(() => Inspection)
export class InspectionResolver {
  @Query(() => [InspectionKindInfo], { description: 'The inspection kinds with their Vietnamese and English names. Public' })
  inspectionKinds(): InspectionKindInfo[] {
    return Object.values(InspectionKind).map((kind) => ({ kind, ...INSPECTION_KINDS[kind] }));
  }

  @Authorized(...STAFF_AND_SYSTEMS)
  @Query(() => InspectionConnection, {
    description: 'Inspection records, newest first: the center’s all, an agency’s own. Staff roles only',
  })
  inspections(
    @Args() { first, after }: ConnectionArgs,
    @Ctx() ctx: UrbanContext,
    @Arg('withinUnitId', () => ID, { nullable: true, description: 'Only records in this unit or below it' }) withinUnitId?: string | null,
    @Arg('status', () => InspectionStatus, { nullable: true, description: 'Only records in this status' }) status?: InspectionStatus | null,
    @Arg('kind', () => InspectionKind, { nullable: true, description: 'Only this kind' }) kind?: InspectionKind | null,
  ) {
    const where: FilterQuery<Inspection>[] = [visibleTo(ctx.identity)];
    if (withinUnitId) where.push({ unitLineage: { $contains: [withinUnitId.toLowerCase()] } });
    if (status) where.push({ status });
    if (kind) where.push({ kind });
    return paginate(ctx.em, Inspection, { $and: where }, { first, after, orderBy: 'observedAt', direction: 'DESC' });
  }

  @Authorized(...STAFF_AND_SYSTEMS)
  @Query(() => Inspection, {
    nullable: true,
    description: 'An inspection record by id; null when none. Staff roles only (an agency: its own)',
  })
  async inspection(@Arg('id', () => ID, { description: 'The record’s id' }) id: string, @Ctx() ctx: UrbanContext) {
    if (!isUuid(id)) return null;
    const found = await ctx.em.findOne(Inspection, { id: id.toLowerCase() });
    if (found && !isCenter(ctx.identity) && !hasRole(ctx.identity, Role.SYSTEM) && found.agencyId !== ctx.identity.agencyId)
      throw forbidden('An inspection record of another agency');
    return found;
  }

  @Authorized(...STAFF_ROLES)
  @Mutation(() => Inspection, {
    description:
      'Files an urban-order inspection record from the field (the filer’s agency and field unit are taken from the token); reportToCenter raises one alert through the incidents subgraph. Staff roles only',
  })
  async fileInspection(
    @Arg('input', () => FileInspectionInput, { description: 'The record as filed' }) input: FileInspectionInput,
    @Ctx() ctx: UrbanContext,
  ) {
    const problems = new BatchProblems();
    const description = checkText(problems, 'input.description', input.description, 2000);
    const address = checkText(problems, 'input.address', input.address, 300);
    if (!inRange(input.latitude, -90, 90)) problems.add('input.latitude', 'must be from -90 to 90');
    if (!inRange(input.longitude, -180, 180)) problems.add('input.longitude', 'must be from -180 to 180');
    const now = ctx.clock.now();
    if (input.observedAt.getTime() > now.getTime() + 5 * 60_000) problems.add('input.observedAt', 'is in the future');
    if (input.photos.length > 10) problems.add('input.photos', 'at most 10');
    input.photos.forEach(
      (url, i) => isHttpUrl(url) || problems.add(`input.photos[${i}]`, 'must be an http(s) URL of at most 2000 characters'),
    );
    problems.throwIfAny();
    const lineage = await unitLineage(ctx, input.unitId, 'input.unitId');
    return ctx.em.transactional(async (tx) => {
      const record = tx.create(Inspection, {
        kind: input.kind,
        description,
        address,
        latitude: input.latitude,
        longitude: input.longitude,
        unitId: input.unitId.toLowerCase(),
        unitLineage: lineage,
        fieldUnitId: ctx.identity.fieldUnitId,
        agencyId: ctx.identity.agencyId,
        filedBy: ctx.identity.subject ?? 'unknown',
        observedAt: input.observedAt,
        photos: input.photos,
        status: InspectionStatus.OPEN,
        reportedToCenter: input.reportToCenter,
        remediedAt: null,
        createdAt: now,
      });
      tx.persist(
        auditEntry(
          ctx.identity,
          ctx.requestId,
          { entityType: 'Inspection', entityId: record.id, action: 'filed', changes: { kind: [null, input.kind], status: [null, 'OPEN'] } },
          now,
        ),
      );
      if (input.reportToCenter) await emitInspectionAlert(tx, ctx.identity, now, record, 'breachOpened');
      return record;
    });
  }

  @Authorized(...STAFF_ROLES)
  @Mutation(() => Inspection, {
    description:
      'Reports an open inspection record to the center: one alert (CONFLICT when already reported or remedied). Staff roles only',
  })
  reportInspection(@Arg('id', () => ID, { description: 'The record’s id' }) id: string, @Ctx() ctx: UrbanContext) {
    return this.change(ctx, id, 'reported', (record) => {
      if (record.reportedToCenter) throw conflict('The inspection record was already reported to the center');
      record.reportedToCenter = true;
      return 'breachOpened';
    });
  }

  @Authorized(...STAFF_ROLES)
  @Mutation(() => Inspection, {
    description:
      'Marks an open inspection record remedied (found so at a later visit); its alert’s timeline says the breach ended (CONFLICT when already remedied). Staff roles only',
  })
  markInspectionRemedied(@Arg('id', () => ID, { description: 'The record’s id' }) id: string, @Ctx() ctx: UrbanContext) {
    return this.change(ctx, id, 'remedied', (record, now) => {
      record.status = InspectionStatus.REMEDIED;
      record.remediedAt = now;
      return record.reportedToCenter ? 'breachClosed' : null;
    });
  }

  private async change(
    ctx: UrbanContext,
    id: string,
    action: string,
    apply: (record: Inspection, now: Date) => 'breachOpened' | 'breachClosed' | null,
  ): Promise<Inspection> {
    if (!isUuid(id)) throw forbidden('No such inspection record');
    return ctx.em.transactional(async (tx) => {
      const record = await tx.findOne(
        Inspection,
        { $and: [{ id: id.toLowerCase() }, visibleTo(ctx.identity)] },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!record) throw forbidden('No such inspection record of your agency');
      if (record.status !== InspectionStatus.OPEN) throw conflict('The inspection record is already remedied');
      const now = ctx.clock.now();
      const before = { status: record.status, reportedToCenter: record.reportedToCenter };
      const step = apply(record, now);
      tx.persist(
        auditEntry(
          ctx.identity,
          ctx.requestId,
          {
            entityType: 'Inspection',
            entityId: record.id,
            action,
            changes: { status: [before.status, record.status], reportedToCenter: [before.reportedToCenter, record.reportedToCenter] },
          },
          now,
        ),
      );
      if (step) await emitInspectionAlert(tx, ctx.identity, now, record, step);
      return record;
    });
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: 'The ward or commune; null when the directory is unavailable' })
  administrativeUnit(@Root() record: Inspection) {
    return ref<AdministrativeUnit>(record.unitId);
  }
}
