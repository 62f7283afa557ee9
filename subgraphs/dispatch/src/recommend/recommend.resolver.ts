import { conflict, distanceMeters, requireId, Role } from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, Field, Float, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { DispatchContext } from '../context';
import { FieldUnit } from '../foreign/entities';
import { fieldUnitsOfKinds } from '../foreign/directoryLookup';
import { incidentFacts } from '../foreign/incidentsLookup';
import { UnitState } from '../unit/unitState';
import { UnitStatus } from '../vocabulary';
import { CategoryNeed } from './categoryNeed';

/** Assumed road speed and detour factor for the estimated arrival (straight-line distance × 1.3 at 40 km/h). */
const SPEED_KMH = 40;
const ROAD_FACTOR = 1.3;

@ObjectType({ description: 'A unit suggested for an incident, nearest first' })
export class UnitRecommendation {
  @Field(() => FieldUnit, { nullable: true, description: 'The suggested unit; null when the directory service is unavailable' })
  fieldUnit!: FieldUnit;

  @Field({ description: 'A FieldUnitKind' })
  kind!: string;

  @Field(() => Float, { description: 'Straight-line distance from its latest position (or its base) to the scene' })
  distanceKm!: number;

  @Field(() => Int, { description: 'Estimated minutes to arrive' })
  etaMinutes!: number;

  @Field({ description: 'Whether the distance is from a reported position (else from the home base)' })
  fromReportedPosition!: boolean;
}

/** Which available units to send: the kinds the category needs, nearest first. */
@Resolver()
export class RecommendResolver {
  @Authorized(Role.OPERATOR, Role.AGENCY_STAFF, Role.LEADER)
  @Query(() => [UnitRecommendation], {
    description:
      'Available units of the kinds the incident’s category needs: the most needed kind first, nearest to the scene first within a kind. Leaders, operators and agency staff',
  })
  async recommendUnits(
    @Arg('incidentId', () => ID, { description: 'The incident to send units to' }) incidentId: string,
    @Arg('limit', () => Int, { defaultValue: 5, description: 'How many suggestions at most, 1–50' }) limit: number,
    @Ctx() ctx: DispatchContext,
  ) {
    const incident = await incidentFacts(ctx, requireId(incidentId, 'incidentId'), 'incidentId');
    if (!incident.location) throw conflict(`Incident ${incident.code} has no location to measure from`);
    const need = await ctx.em.findOne(CategoryNeed, { categoryCode: incident.categoryCode });
    const kinds = need?.unitKinds ?? [];
    if (!kinds.length) return [];
    const roster = await fieldUnitsOfKinds(ctx, kinds);
    const states = new Map(
      (await ctx.em.find(UnitState, { fieldUnitId: { $in: roster.map((u) => u.id) } })).map((s) => [s.fieldUnitId, s]),
    );
    return (
      roster
        .filter((unit) => (states.get(unit.id)?.status ?? UnitStatus.AVAILABLE) === UnitStatus.AVAILABLE)
        .map((unit) => {
          const state = states.get(unit.id);
          const reported = state?.latitude !== null && state?.latitude !== undefined && state.longitude !== null;
          const from = reported ? { latitude: state!.latitude!, longitude: state!.longitude! } : unit.home;
          const km = distanceMeters(from, incident.location!) / 1000;
          return {
            fieldUnit: { id: unit.id },
            kind: unit.kind,
            distanceKm: Math.round(km * 100) / 100,
            etaMinutes: Math.max(1, Math.round(((km * ROAD_FACTOR) / SPEED_KMH) * 60)),
            fromReportedPosition: reported,
            priority: kinds.indexOf(unit.kind),
          };
        })
        // The kinds the category needs most come first (for a fire: fire trucks), nearest first within a kind.
        .sort((a, b) => a.priority - b.priority || a.distanceKm - b.distanceKm)
        .slice(0, Math.min(Math.max(limit, 1), 50))
    );
  }

  @Authorized(Role.OPERATOR, Role.AGENCY_STAFF, Role.LEADER)
  @Query(() => [CategoryNeed], {
    description: 'The unit kinds each dispatched category calls for. Leaders, operators and agency staff',
  })
  categoryNeeds(@Ctx() ctx: DispatchContext) {
    return ctx.em.find(CategoryNeed, {}, { orderBy: { categoryCode: 'ASC' } });
  }
}
