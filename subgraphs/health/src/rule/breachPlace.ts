import type { BreachPayload, BreachState, BreachStep } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { HealthBreach, type HealthRule } from './rule';

/** Where a health breach is (a commune or a facility), for its event payload. */
export interface Place {
  type: 'AdministrativeUnit' | 'Facility';
  id: string;
  code: string;
  nameVi: string;
  unitId: string;
  unitLineage: string[];
  latitude: number | null;
  longitude: number | null;
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
    unitId: place.unitId,
    unitLineage: place.unitLineage,
    latitude: place.latitude,
    longitude: place.longitude,
    place: place.nameVi,
    startedAt: breach.startedAt.toISOString(),
    status: 'ACTUAL',
  });
