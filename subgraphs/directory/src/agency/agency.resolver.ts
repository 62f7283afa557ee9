import { CacheHint, ConnectionArgs, ConnectionType, forbidden, paginate, requireId, Role, STAFF_AND_SYSTEMS } from '@ioc-graph/platform';
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AdministrativeUnit } from '../administrativeUnit/administrativeUnit';
import { below, requireUnit, unitById } from '../administrativeUnit/administrativeUnit.loader';
import { READ_ONLY, searchFilter, searchTextOf, type DirectoryContext } from '../context';
import { FieldUnit } from '../fieldUnit/fieldUnit';
import { fieldUnitsByAgency } from '../fieldUnit/fieldUnit.loader';
import { assignDefined, createAudited, updateAudited } from '../mutations';
import { Person } from '../person/person';
import { peopleScope } from '../person/person.rules';
import { peopleByAgency } from '../person/person.loader';
import { Agency } from './agency';
import { AgencyFilter, CreateAgencyInput, UpdateAgencyInput } from './agency.input';
import { agencyByCode, agencyById } from './agency.loader';

@ObjectType({ description: 'A page of agencies' })
export class AgencyConnection extends ConnectionType(Agency) {}

const AUDITED: (keyof Agency & string)[] = ['code', 'kind', 'nameVi', 'nameEn', 'jurisdiction', 'phone', 'email', 'address'];

/** Agencies and their public contacts are open; their units and staff are for the center's network. */
@Resolver(() => Agency)
export class AgencyResolver {
  @CacheHint(300)
  @Query(() => Agency, { nullable: true, description: 'An agency by id; null when there is none. Open to everyone' })
  agency(@Arg('id', () => ID, { description: 'Id of the agency' }) id: string, @Ctx() ctx: DirectoryContext) {
    return agencyById(ctx).load(requireId(id, 'id'));
  }

  @CacheHint(300)
  @Query(() => Agency, { nullable: true, description: 'An agency by its code; null when there is none. Open to everyone' })
  agencyByCode(@Arg('code', { description: 'Code of the agency, e.g. "PCCC-BP"' }) code: string, @Ctx() ctx: DirectoryContext) {
    return agencyByCode(ctx).load(code.trim());
  }

  @CacheHint(300)
  @Query(() => AgencyConnection, { description: 'Agencies matching a filter, ordered by Vietnamese name. Public' })
  async agencies(
    @Arg('filter', () => AgencyFilter, { nullable: true, description: 'Conditions the agencies must meet; omit for all' })
    filter: AgencyFilter | null,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: DirectoryContext,
  ) {
    const where: FilterQuery<Agency>[] = [searchFilter(filter?.search)];
    if (filter?.kind) where.push({ kind: filter.kind });
    if (filter?.withinUnitId) {
      const unit = await requireUnit(ctx, filter.withinUnitId, 'withinUnitId');
      where.push({ $or: [{ jurisdiction: unit.id }, { jurisdiction: below(unit) }] });
    }
    return paginate(ctx.em, Agency, { $and: where }, { ...page, orderBy: 'nameVi', ...READ_ONLY });
  }

  @FieldResolver(() => AdministrativeUnit, { description: 'The unit whose territory the agency is competent for' })
  jurisdiction(@Root() agency: Agency, @Ctx() ctx: DirectoryContext) {
    return unitById(ctx).load(agency.jurisdiction.id);
  }

  @Authorized(...STAFF_AND_SYSTEMS)
  @FieldResolver(() => [FieldUnit], { description: 'The agency’s field units (staff roles only)' })
  fieldUnits(@Root() agency: Agency, @Ctx() ctx: DirectoryContext) {
    return fieldUnitsByAgency(ctx).load(agency.id);
  }

  @Authorized()
  @FieldResolver(() => [Person], {
    description:
      'People of the agency: leaders, operators and sector systems see all, staff their own agency. Public and partners: no (an agency_id claim on a partner’s token gives nothing)',
  })
  people(@Root() agency: Agency, @Ctx() ctx: DirectoryContext) {
    // The scope of `people`: a partner's or a system's token may name an agency, which makes them none of its staff.
    const scope = peopleScope(ctx.identity);
    if (scope.agencyId && scope.agencyId !== agency.id) {
      throw forbidden('Only leaders, operators and the agency’s own staff see its people');
    }
    return peopleByAgency(ctx).load(agency.id);
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => Agency, { description: 'Registers an agency (operators)' })
  createAgency(
    @Arg('input', () => CreateAgencyInput, { description: 'The new agency' }) input: CreateAgencyInput,
    @Ctx() ctx: DirectoryContext,
  ) {
    return createAudited(ctx, 'Agency', AUDITED, async (em) => {
      const unit = await requireUnit(ctx, input.jurisdictionId, 'jurisdictionId');
      const agency = em.create(Agency, {
        code: input.code,
        kind: input.kind,
        nameVi: input.nameVi.trim(),
        nameEn: input.nameEn.trim(),
        jurisdiction: em.getReference(AdministrativeUnit, unit.id, { wrapped: true }),
        phone: input.phone ?? null,
        email: input.email ?? null,
        address: input.address ?? null,
        searchText: searchTextOf(input.nameVi, input.nameEn, input.code),
      });
      return agency as Agency;
    });
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => Agency, { description: 'Changes an agency (operators)' })
  updateAgency(
    @Arg('id', () => ID, { description: 'Id of the agency to change' }) id: string,
    @Arg('input', () => UpdateAgencyInput, { description: 'What to change' }) input: UpdateAgencyInput,
    @Ctx() ctx: DirectoryContext,
  ) {
    return updateAudited(ctx, Agency, id, input.expectedVersion, AUDITED, async (agency, em) => {
      assignDefined(agency, input, ['kind', 'nameVi', 'nameEn', 'phone', 'email', 'address']);
      if (input.jurisdictionId !== undefined) {
        const unit = await requireUnit(ctx, input.jurisdictionId, 'jurisdictionId');
        agency.jurisdiction = em.getReference(AdministrativeUnit, unit.id, { wrapped: true });
      }
      agency.searchText = searchTextOf(agency.nameVi, agency.nameEn, agency.code);
    });
  }
}
