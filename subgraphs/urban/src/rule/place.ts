import {
  breachPlaceFields,
  localClockTime,
  localDate,
  type BreachPayload,
  type BreachPlace,
  type BreachState,
  type BreachStep,
} from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { UrbanBreach, type UrbanRule } from './rule';

/** Where a breach is, for its event payload. */
export type Place = BreachPlace;

/** The columns of a place as the evaluation queries select them (`alias.` prefixed; its position from `geoAlias`). */
export const placeColumns = (alias: string, geoAlias = alias) =>
  `${alias}.id, ${alias}.code, ${alias}.name_vi as "nameVi", ${alias}.unit_id as "unitId", ${alias}.unit_lineage as "unitLineage", ${geoAlias}.latitude, ${geoAlias}.longitude`;

/** "24/11" for a local date "2026-11-24". */
export const dayMonth = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}`;

/** "21:40 ngày 24/11" in Asia/Ho_Chi_Minh. */
export const localMoment = (at: Date) => `${localClockTime(at)} ngày ${dayMonth(localDate(at))}`;

/** The kit's `create` for a breach of `rule` at `place`. */
export const breachAt = (tx: EntityManager, rule: UrbanRule, subjectType: string, place: Place) => (fields: BreachState) =>
  tx.create(UrbanBreach, { ...fields, rule, subjectType, subjectId: place.id, subjectCode: place.code });

/** The kit's `describe` for an urban breach at a place: its headline (one, or per step) and a description. */
export const describeAt =
  (place: Place, headline: string | ((step: BreachStep) => string), description: string) =>
  (breach: UrbanBreach, step: BreachStep): BreachPayload => ({
    categoryCode: breach.rule.categoryCode,
    severity: breach.severity,
    headline: typeof headline === 'string' ? headline : headline(step),
    description: `${description} (quy tắc ${breach.rule.code}: ${breach.rule.nameVi})`,
    ...breachPlaceFields(place),
    startedAt: breach.startedAt.toISOString(),
    status: 'ACTUAL',
  });
