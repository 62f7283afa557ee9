import { ConnectionArgs, ConnectionType, GeoPoint, paginate, requireId, Role, STAFF_AND_SYSTEMS } from '@ioc-graph/platform';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AdministrativeUnit } from '../administrativeUnit/administrativeUnit';
import { below, requireUnit, unitById } from '../administrativeUnit/administrativeUnit.loader';
import { Agency } from '../agency/agency';
import { agencyById, requireAgency } from '../agency/agency.loader';
import { READ_ONLY, searchFilter, searchTextOf, type DirectoryContext } from '../context';
import { assignDefined, createAudited, updateAudited } from '../mutations';
import { FieldUnit } from './fieldUnit';
import { CreateFieldUnitInput, FieldUnitFilter, HomeBaseInput, UpdateFieldUnitInput } from './fieldUnit.input';
import { fieldUnitByCode, fieldUnitById } from './fieldUnit.loader';

@ObjectType({ description: 'A page of field units' })
export class FieldUnitConnection extends ConnectionType(FieldUnit) {}

@ObjectType({ description: 'Where a field unit is stationed when not deployed' })
export class HomeBase {
  @Field(() => AdministrativeUnit, { description: 'Administrative unit the base lies in' })
  unit!: AdministrativeUnit;

  @Field({ description: 'Street address of the base' })
  address!: string;

  @Field(() => GeoPoint, { description: 'Position of the base' })
  location!: GeoPoint;
}

const AUDITED: (keyof FieldUnit & string)[] = [
  'code',
  'callSign',
  'kind',
  'nameVi',
  'nameEn',
  'agency',
  'capacity',
  'homeUnit',
  'homeAddress',
  'homeLatitude',
  'homeLongitude',
];

/** The four home-base columns of a field unit, from the input; an unknown administrative unit is BAD_USER_INPUT. */
async function homeBaseOf(ctx: DirectoryContext, em: EntityManager, home: HomeBaseInput, field: string) {
  const homeUnit = await requireUnit(ctx, home.unitId, `${field}.unitId`);
  return {
    homeUnit: em.getReference(AdministrativeUnit, homeUnit.id, { wrapped: true }),
    homeAddress: home.address.trim(),
    homeLatitude: home.location.latitude,
    homeLongitude: home.location.longitude,
  };
}

/** Field units are operational data: staff roles only, never the public or partners. */
@Authorized(...STAFF_AND_SYSTEMS)
@Resolver(() => FieldUnit)
export class FieldUnitResolver {
  @Query(() => FieldUnit, { nullable: true, description: 'A field unit by id; null when there is none. Staff roles only' })
  fieldUnit(@Arg('id', () => ID, { description: 'Id of the field unit' }) id: string, @Ctx() ctx: DirectoryContext) {
    return fieldUnitById(ctx).load(requireId(id, 'id'));
  }

  @Query(() => FieldUnit, { nullable: true, description: 'A field unit by its code; null when there is none. Staff roles only' })
  fieldUnitByCode(@Arg('code', { description: 'Code of the field unit, e.g. "FU-PCCC-01"' }) code: string, @Ctx() ctx: DirectoryContext) {
    return fieldUnitByCode(ctx).load(code.trim());
  }

  @Query(() => FieldUnitConnection, { description: 'Field units matching a filter, ordered by code. Staff roles only' })
  async fieldUnits(
    @Arg('filter', () => FieldUnitFilter, { nullable: true, description: 'Conditions the units must meet; omit for all' })
    filter: FieldUnitFilter | null,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: DirectoryContext,
  ) {
    const where: FilterQuery<FieldUnit>[] = [searchFilter(filter?.search)];
    if (filter?.agencyId) where.push({ agency: (await requireAgency(ctx, filter.agencyId, 'agencyId')).id });
    if (filter?.kind) where.push({ kind: filter.kind });
    if (filter?.withinUnitId) {
      const unit = await requireUnit(ctx, filter.withinUnitId, 'withinUnitId');
      where.push({ $or: [{ homeUnit: unit.id }, { homeUnit: below(unit) }] });
    }
    return paginate(ctx.em, FieldUnit, { $and: where }, { ...page, orderBy: 'code', ...READ_ONLY });
  }

  @FieldResolver(() => Agency, { description: 'Agency the unit belongs to' })
  agency(@Root() unit: FieldUnit, @Ctx() ctx: DirectoryContext) {
    return agencyById(ctx).load(unit.agency.id);
  }

  @FieldResolver(() => HomeBase, { description: 'Where the unit is stationed when not deployed' })
  async homeBase(@Root() unit: FieldUnit, @Ctx() ctx: DirectoryContext): Promise<HomeBase> {
    return {
      unit: (await unitById(ctx).load(unit.homeUnit.id))!,
      address: unit.homeAddress,
      location: { latitude: unit.homeLatitude, longitude: unit.homeLongitude },
    };
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => FieldUnit, { description: 'Registers a field unit (operators)' })
  createFieldUnit(
    @Arg('input', () => CreateFieldUnitInput, { description: 'The new field unit' }) input: CreateFieldUnitInput,
    @Ctx() ctx: DirectoryContext,
  ) {
    return createAudited(ctx, 'FieldUnit', AUDITED, async (em) => {
      const agency = await requireAgency(ctx, input.agencyId, 'agencyId');
      const homeBase = await homeBaseOf(ctx, em, input.homeBase, 'homeBase');
      return em.create(FieldUnit, {
        code: input.code,
        callSign: input.callSign.trim(),
        kind: input.kind,
        nameVi: input.nameVi.trim(),
        nameEn: input.nameEn.trim(),
        agency: em.getReference(Agency, agency.id, { wrapped: true }),
        capacity: input.capacity,
        ...homeBase,
        searchText: searchTextOf(input.nameVi, input.nameEn, input.code, input.callSign),
      });
    });
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => FieldUnit, { description: 'Changes a field unit (operators)' })
  updateFieldUnit(
    @Arg('id', () => ID, { description: 'Id of the field unit to change' }) id: string,
    @Arg('input', () => UpdateFieldUnitInput, { description: 'What to change' }) input: UpdateFieldUnitInput,
    @Ctx() ctx: DirectoryContext,
  ) {
    return updateAudited(ctx, FieldUnit, id, input.expectedVersion, AUDITED, async (unit, em) => {
      assignDefined(unit, input, ['callSign', 'kind', 'nameVi', 'nameEn', 'capacity']);
      if (input.agencyId !== undefined) {
        const agency = await requireAgency(ctx, input.agencyId, 'agencyId');
        unit.agency = em.getReference(Agency, agency.id, { wrapped: true });
      }
      if (input.homeBase) Object.assign(unit, await homeBaseOf(ctx, em, input.homeBase, 'homeBase'));
      unit.searchText = searchTextOf(unit.nameVi, unit.nameEn, unit.code, unit.callSign);
    });
  }
}
