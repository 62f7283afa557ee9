import { CacheHint, CENTER_ROLES, forbidden, groupByKeys, hasRole, PARTNER_AND_STAFF, requireId, STAFF_ROLES } from '@ioc-graph/platform';
import { raw } from '@mikro-orm/core';
import { Arg, Authorized, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import type { IncidentsContext } from '../context';
import { AdministrativeUnit, Agency, agencyRef, unitRef } from '../foreign/entities';
import { Incident } from '../incident/incident';
import { incidentWhere } from '../incident/incident.filter';
import { IncidentFilter } from '../incident/incident.input';
import { OPEN_STATES } from '../incident/incident.rules';
import { AlertStatus } from '../vocabulary';
import { IncidentStats, statsByAgency, statsByUnit } from './incidentStats';

export enum CountDimension {
  STATE = 'STATE',
  PROCESS = 'PROCESS',
  SECTOR = 'SECTOR',
  CATEGORY = 'CATEGORY',
  AGENCY = 'AGENCY',
  UNIT = 'UNIT',
}
registerEnumType(CountDimension, {
  name: 'CountDimension',
  description: 'What to count incidents by; UNIT counts by the units just below filter.withinUnitId (or below the province)',
  valuesConfig: {
    STATE: { description: 'By state: keys are IncidentState values' },
    PROCESS: { description: 'By process: keys are Process values' },
    SECTOR: { description: 'By sector: keys are Sector values' },
    CATEGORY: { description: 'By category: keys are Category ids' },
    AGENCY: { description: 'By handling agency: keys are Agency ids (unassigned incidents left out)' },
    UNIT: {
      description: 'By administrative unit one level below filter.withinUnitId (or below the province): keys are AdministrativeUnit ids',
    },
  },
});

@ObjectType({ description: 'How many incidents share one value of the counted dimension' })
export class CountBucket {
  @Field({ description: 'The value: a state, process, sector, or the id of a category, agency or unit' })
  key!: string;

  @Field(() => Int, { description: 'Number of incidents with this value' })
  count!: number;

  @Field(() => AdministrativeUnit, { nullable: true, description: 'The unit, when counting by UNIT' })
  unit!: AdministrativeUnit | null;

  @Field(() => Agency, { nullable: true, description: 'The agency, when counting by AGENCY' })
  agency!: Agency | null;
}

const COLUMNS: Record<Exclude<CountDimension, CountDimension.UNIT>, string> = {
  STATE: 'state',
  PROCESS: 'process',
  SECTOR: 'sector',
  CATEGORY: 'category_id',
  AGENCY: 'agency_id',
};

/** Dashboard figures for the wall screens, and the workload that incidents add to directory entities. */
@Resolver()
export class StatsResolver {
  @Authorized(...STAFF_ROLES)
  @CacheHint(60)
  @Query(() => [CountBucket], {
    description: 'Incidents counted by a dimension (drills excluded), largest count first. Staff roles: an agency counts its own',
  })
  async incidentCounts(
    @Arg('by', () => CountDimension, { description: 'What to count by' }) by: CountDimension,
    @Arg('filter', () => IncidentFilter, { nullable: true, description: 'Which incidents to count; all you may read when omitted' })
    filter: IncidentFilter | null,
    @Ctx() ctx: IncidentsContext,
  ): Promise<CountBucket[]> {
    const where = { $and: [incidentWhere(ctx, filter), { status: AlertStatus.ACTUAL }] };
    const within = filter?.withinUnitId ? requireId(filter.withinUnitId, 'withinUnitId') : null;
    // The unit one level below `within` (or below the root) on each incident's lineage.
    const [sql, params]: [string, unknown[]] =
      by === CountDimension.UNIT
        ? within
          ? ['unit_lineage[array_position(unit_lineage, ?) + 1]', [within]]
          : ['unit_lineage[2]', []]
        : [COLUMNS[by], []];
    const rows: { key: string | null; count: string }[] = await ctx.em
      .createQueryBuilder(Incident)
      .select([raw(`${sql} as key`, params), raw('count(*) as count')])
      .where(where)
      .groupBy(raw(sql, params))
      .orderBy({ [raw('count(*)')]: 'DESC' })
      .execute('all', false);
    return rows
      .filter((row) => row.key !== null)
      .map((row) => ({
        key: String(row.key),
        count: Number(row.count),
        unit: by === CountDimension.UNIT ? unitRef(row.key) : null,
        agency: by === CountDimension.AGENCY ? agencyRef(row.key) : null,
      }));
  }
}

/** Incidents' figures on the directory's units: one query through the gateway shows a unit's workload. */
@Resolver(() => AdministrativeUnit)
export class UnitWorkloadResolver {
  @Authorized(...PARTNER_AND_STAFF)
  @FieldResolver(() => IncidentStats, {
    nullable: true,
    description:
      'Incidents in this unit and below it (drills excluded): counts, never an incident. Public: no (publicIncidents); partners, staff and sector systems: yes; null when the incidents service is unavailable',
  })
  incidentStats(@Root() unit: AdministrativeUnit, @Ctx() ctx: IncidentsContext) {
    return statsByUnit(ctx).load(requireId(unit.id, 'id'));
  }
}

/** Incidents' figures and open cases on the directory's agencies. */
@Resolver(() => Agency)
export class AgencyWorkloadResolver {
  @Authorized(...STAFF_ROLES)
  @FieldResolver(() => IncidentStats, {
    nullable: true,
    description:
      'The agency’s incidents (drills excluded): the center, or the agency itself; null when the incidents service is unavailable',
  })
  incidentStats(@Root() agency: Agency, @Ctx() ctx: IncidentsContext) {
    this.assertOwnOrCenter(ctx, agency.id);
    return statsByAgency(ctx).load(requireId(agency.id, 'id'));
  }

  @Authorized(...STAFF_ROLES)
  @FieldResolver(() => [Incident], {
    nullable: true,
    description:
      'Open incidents held by the agency, nearest deadline first: the center, or the agency itself; null when the incidents service is unavailable',
  })
  openIncidents(@Root() agency: Agency, @Ctx() ctx: IncidentsContext) {
    this.assertOwnOrCenter(ctx, agency.id);
    return ctx.loaders
      .get<string, Incident[]>('incidents:openByAgency', async (ids) => {
        const rows = await ctx.em.find(
          Incident,
          { agencyId: { $in: [...ids] }, state: { $in: [...OPEN_STATES] } },
          { orderBy: { deadline: 'ASC', openedAt: 'ASC' } },
        );
        return groupByKeys(ids, rows, (row) => row.agencyId!);
      })
      .load(requireId(agency.id, 'id'));
  }

  private assertOwnOrCenter(ctx: IncidentsContext, agencyId: string) {
    if (!hasRole(ctx.identity, ...CENTER_ROLES) && ctx.identity.agencyId !== agencyId)
      throw forbidden('Only the center and the agency itself see its incidents');
  }
}
