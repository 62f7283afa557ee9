import { badInput, ConnectionArgs, ConnectionType, forbidden, paginate, requireId, Role } from '@ioc-graph/platform';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Agency } from '../agency/agency';
import { agencyById, requireAgency } from '../agency/agency.loader';
import { READ_ONLY, searchFilter, searchTextOf, type DirectoryContext } from '../context';
import { FieldUnit } from '../fieldUnit/fieldUnit';
import { fieldUnitById, requireFieldUnit } from '../fieldUnit/fieldUnit.loader';
import { assignDefined, createAudited, updateAudited } from '../mutations';
import { Person } from './person';
import { CreatePersonInput, PersonFilter, UpdatePersonInput } from './person.input';
import { personById, personBySubject } from './person.loader';
import { canSeeContact, canSeePerson, peopleScope } from './person.rules';

@ObjectType({ description: 'A page of people' })
export class PersonConnection extends ConnectionType(Person) {}

const AUDITED: (keyof Person & string)[] = ['subject', 'fullName', 'title', 'roles', 'agency', 'fieldUnit', 'phone', 'email'];

/**
 * Sets agency and field unit together and checks they agree: a field unit belongs to the person's
 * agency, agency staff and field officers have an agency.
 */
async function applyMembership(
  ctx: DirectoryContext,
  em: EntityManager,
  person: Person,
  input: { agencyId?: string | null; fieldUnitId?: string | null },
) {
  if (input.agencyId !== undefined) {
    person.agency =
      input.agencyId === null
        ? null
        : em.getReference(Agency, (await requireAgency(ctx, input.agencyId, 'agencyId')).id, { wrapped: true });
  }
  if (input.fieldUnitId !== undefined) {
    const unit = input.fieldUnitId === null ? null : await requireFieldUnit(ctx, input.fieldUnitId, 'fieldUnitId');
    person.fieldUnit = unit ? em.getReference(FieldUnit, unit.id, { wrapped: true }) : null;
  }
  if (person.fieldUnit) {
    const unit = await fieldUnitById(ctx).load(person.fieldUnit.id);
    if (unit?.agency.id !== person.agency?.id) {
      throw badInput('The field unit belongs to another agency', [{ field: 'fieldUnitId', message: 'must belong to the person’s agency' }]);
    }
  }
  if (!person.agency && person.roles.some((r) => r === Role.AGENCY_STAFF || r === Role.FIELD_OFFICER)) {
    throw badInput('Agency staff and field officers need an agency', [{ field: 'agencyId', message: 'required for this role' }]);
  }
}

@Resolver(() => Person)
export class PersonResolver {
  @Authorized()
  @Query(() => Person, {
    nullable: true,
    description: 'The person behind the caller’s token; null when the directory has no record of it. Signed-in callers only',
  })
  me(@Ctx() ctx: DirectoryContext) {
    return personBySubject(ctx).load(ctx.identity.subject!);
  }

  @Authorized()
  @Query(() => Person, {
    nullable: true,
    description: 'A person; null when absent or outside the caller’s scope. Signed-in callers only',
  })
  async person(@Arg('id', () => ID, { description: 'Id of the person' }) id: string, @Ctx() ctx: DirectoryContext) {
    const person = await personById(ctx).load(requireId(id, 'id'));
    return person && canSeePerson(ctx.identity, person) ? person : null;
  }

  @Authorized()
  @Query(() => PersonConnection, {
    description: 'People in the caller’s scope: all for leaders and operators, their own agency for others. Signed-in callers only',
  })
  async people(
    @Arg('filter', () => PersonFilter, {
      nullable: true,
      description: 'Conditions the people must meet; omit for everyone in the caller’s scope',
    })
    filter: PersonFilter | null,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: DirectoryContext,
  ) {
    const scope = peopleScope(ctx.identity);
    if (scope.agencyId && filter?.agencyId && filter.agencyId.toLowerCase() !== scope.agencyId) {
      throw forbidden('You can only list the people of your own agency');
    }
    const where: FilterQuery<Person>[] = [searchFilter(filter?.search)];
    const agencyId = scope.agencyId ?? (filter?.agencyId ? (await requireAgency(ctx, filter.agencyId, 'agencyId')).id : null);
    if (agencyId) where.push({ agency: agencyId });
    if (filter?.role) where.push({ roles: { $contains: [filter.role] } });
    return paginate(ctx.em, Person, { $and: where }, { ...page, orderBy: 'fullName', ...READ_ONLY });
  }

  @FieldResolver(() => Agency, {
    nullable: true,
    description: 'Agency the person works for; null for the center’s own staff without one and for system accounts',
  })
  agency(@Root() person: Person, @Ctx() ctx: DirectoryContext) {
    return person.agency ? agencyById(ctx).load(person.agency.id) : null;
  }

  @FieldResolver(() => FieldUnit, { nullable: true, description: 'For field officers: their unit' })
  fieldUnit(@Root() person: Person, @Ctx() ctx: DirectoryContext) {
    return person.fieldUnit && ctx.identity.subject ? fieldUnitById(ctx).load(person.fieldUnit.id) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Null unless the caller is an operator or this person' })
  phone(@Root() person: Person, @Ctx() ctx: DirectoryContext) {
    return canSeeContact(ctx.identity, person) ? person.phone : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Null unless the caller is an operator or this person' })
  email(@Root() person: Person, @Ctx() ctx: DirectoryContext) {
    return canSeeContact(ctx.identity, person) ? person.email : null;
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => Person, { description: 'Registers a person (operators)' })
  createPerson(
    @Arg('input', () => CreatePersonInput, { description: 'The new person' }) input: CreatePersonInput,
    @Ctx() ctx: DirectoryContext,
  ) {
    return createAudited(ctx, 'Person', AUDITED, async (em) => {
      const person = em.create(Person, {
        subject: input.subject ?? null,
        fullName: input.fullName.trim(),
        title: input.title ?? null,
        roles: [...new Set(input.roles)],
        phone: input.phone ?? null,
        email: input.email ?? null,
        searchText: searchTextOf(input.fullName),
      });
      await applyMembership(ctx, em, person, input);
      return person;
    });
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => Person, { description: 'Changes a person (operators)' })
  updatePerson(
    @Arg('id', () => ID, { description: 'Id of the person to change' }) id: string,
    @Arg('input', () => UpdatePersonInput, { description: 'What to change' }) input: UpdatePersonInput,
    @Ctx() ctx: DirectoryContext,
  ) {
    return updateAudited(ctx, Person, id, input.expectedVersion, AUDITED, async (person, em) => {
      assignDefined(person, input, ['fullName', 'title', 'phone', 'email']);
      if (input.roles) person.roles = [...new Set(input.roles)];
      await applyMembership(ctx, em, person, input);
      person.searchText = searchTextOf(person.fullName);
    });
  }
}
