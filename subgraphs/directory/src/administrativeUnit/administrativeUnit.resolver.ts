import { CacheHint, ConnectionArgs, ConnectionType, GeoPoint, geoPoint, paginate, requireId } from '@ioc-graph/platform';
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Agency } from '../agency/agency';
import { agenciesByJurisdiction } from '../agency/agency.loader';
import { READ_ONLY, searchFilter, type DirectoryContext } from '../context';
import { AdministrativeUnit } from './administrativeUnit';
import { AdministrativeUnitFilter } from './administrativeUnit.input';
import { below, requireUnit, unitByCode, unitById, unitsByParent } from './administrativeUnit.loader';

@ObjectType({ description: 'A page of administrative units' })
export class AdministrativeUnitConnection extends ConnectionType(AdministrativeUnit) {}

/** The administrative tree is public: anyone may read it. */
@Resolver(() => AdministrativeUnit)
export class AdministrativeUnitResolver {
  @CacheHint(300)
  @Query(() => AdministrativeUnit, { nullable: true, description: 'A unit by id; null when there is none. Public' })
  administrativeUnit(@Arg('id', () => ID, { description: 'Id of the unit' }) id: string, @Ctx() ctx: DirectoryContext) {
    return unitById(ctx).load(requireId(id, 'id'));
  }

  @CacheHint(300)
  @Query(() => AdministrativeUnit, {
    nullable: true,
    description: 'A unit by its national (or local) code; null when there is none. Public',
  })
  administrativeUnitByCode(
    @Arg('code', { description: 'National (or local) code of the unit, e.g. "689"' }) code: string,
    @Ctx() ctx: DirectoryContext,
  ) {
    return unitByCode(ctx).load(code.trim());
  }

  @CacheHint(300)
  @Query(() => AdministrativeUnitConnection, { description: 'Units matching a filter, ordered by Vietnamese name. Public' })
  async administrativeUnits(
    @Arg('filter', () => AdministrativeUnitFilter, {
      nullable: true,
      description: 'Conditions the units must meet; omit for all units',
    })
    filter: AdministrativeUnitFilter | null,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: DirectoryContext,
  ) {
    const where: FilterQuery<AdministrativeUnit>[] = [searchFilter(filter?.search)];
    if (filter?.level) where.push({ level: filter.level });
    if (filter?.kind) where.push({ kind: filter.kind });
    if (filter?.parentId) where.push({ parent: (await requireUnit(ctx, filter.parentId, 'parentId')).id });
    if (filter?.withinId) where.push(below(await requireUnit(ctx, filter.withinId, 'withinId')));
    return paginate(ctx.em, AdministrativeUnit, { $and: where }, { ...page, orderBy: 'nameVi', ...READ_ONLY });
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: 'The unit one level up; null for a root' })
  parent(@Root() unit: AdministrativeUnit, @Ctx() ctx: DirectoryContext) {
    return unit.parent ? unitById(ctx).load(unit.parent.id) : null;
  }

  @FieldResolver(() => [AdministrativeUnit], { description: 'Units one level down, by Vietnamese name' })
  children(@Root() unit: AdministrativeUnit, @Ctx() ctx: DirectoryContext) {
    return unitsByParent(ctx).load(unit.id);
  }

  @FieldResolver(() => [AdministrativeUnit], {
    description:
      'The unit itself, then its children by Vietnamese name: the rows of a wall screen that shows a unit beside its parts, in one list, so that each sector is asked once for all of them',
  })
  async selfAndChildren(@Root() unit: AdministrativeUnit, @Ctx() ctx: DirectoryContext) {
    return [unit, ...(await unitsByParent(ctx).load(unit.id))];
  }

  @FieldResolver(() => [AdministrativeUnit], { description: 'Units above this one, from the root down to the parent' })
  async ancestors(@Root() unit: AdministrativeUnit, @Ctx() ctx: DirectoryContext) {
    const found = await unitById(ctx).loadMany(unit.ancestorIds());
    return found.filter((u): u is AdministrativeUnit => u instanceof AdministrativeUnit);
  }

  @FieldResolver(() => GeoPoint, { nullable: true, description: 'Approximate centre of the unit' })
  centroid(@Root() unit: AdministrativeUnit) {
    return geoPoint(unit.latitude, unit.longitude);
  }

  @FieldResolver(() => [Agency], { description: 'Agencies whose jurisdiction is exactly this unit' })
  agencies(@Root() unit: AdministrativeUnit, @Ctx() ctx: DirectoryContext) {
    return agenciesByJurisdiction(ctx).load(unit.id);
  }
}
