import { breachPlaceFields, type BreachPayload, type BreachPlace, type BreachState, type BreachStep } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { HealthBreach, type HealthRule } from './rule';

/** Where a health breach is (a commune or a facility), for its event payload. */
export interface Place extends BreachPlace {
  type: 'AdministrativeUnit' | 'Facility';
}

/** A number the Vietnamese way (decimal comma), with at most `digits` decimals. */
export const formatNumber = (v: number, digits = 1) => v.toLocaleString('vi-VN', { maximumFractionDigits: digits });

/** The kit's `create` for a breach of `rule` at `place`: the opening fields plus rule and subject. */
export const breachAt = (tx: EntityManager, rule: HealthRule, place: Place) => (fields: BreachState) =>
  tx.create(HealthBreach, { ...fields, rule, subjectType: place.type, subjectId: place.id, subjectCode: place.code });

/** The kit's `describe` for a health breach at a place: the headline of each step and what the rule saw. */
export const describeAt =
  (place: Place, headline: (step: BreachStep) => string, detail: string) =>
  (breach: HealthBreach, step: BreachStep): BreachPayload => ({
    categoryCode: breach.rule.categoryCode,
    severity: breach.severity,
    headline: headline(step),
    description: `Quy tắc ${breach.rule.code} (${breach.rule.nameVi}) tại ${place.nameVi}: ${detail}; đỉnh ${formatNumber(breach.peakValue)}`,
    ...breachPlaceFields(place),
    startedAt: breach.startedAt.toISOString(),
    status: 'ACTUAL',
  });
