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
import type { Camera, RoadSegment } from '../camera/camera';
import { TrafficBreach, type TrafficRule } from './rule';

/** Where a breach is, for its event payload. */
export type Place = BreachPlace;

export const cameraPlace = (c: Camera): Place => ({
  id: c.id,
  code: c.code,
  nameVi: c.nameVi,
  unitId: c.unitId,
  unitLineage: c.unitLineage,
  latitude: c.latitude,
  longitude: c.longitude,
});
export const segmentPlace = (s: RoadSegment): Place => ({
  id: s.id,
  code: s.code,
  nameVi: `${s.nameVi} (${s.fromPlace} – ${s.toPlace})`,
  unitId: s.unitId,
  unitLineage: s.unitLineage,
  latitude: null,
  longitude: null,
});

/** The camera's name without a trailing parenthesis. */
export const placeName = (place: Place) => place.nameVi.replace(/\s*\([^)]*\)\s*$/, '');
const num = (v: number, digits = 2) => v.toLocaleString('vi-VN', { maximumFractionDigits: digits });

/** "09:12", or "09:12 ngày 24/11" when not on the same Asia/Ho_Chi_Minh day as `now`. */
export function localTimeOf(at: Date, now: Date): string {
  const day = localDate(at);
  return day === localDate(now) ? localClockTime(at) : `${localClockTime(at)} ngày ${day.slice(8, 10)}/${day.slice(5, 7)}`;
}

/** The kit's `create` for a breach of `rule` at `place`: the opening fields plus rule and subject. */
export const breachAt =
  (tx: EntityManager, rule: TrafficRule, subjectType: 'Camera' | 'RoadSegment', place: Place) => (fields: BreachState) =>
    tx.create(TrafficBreach, { ...fields, rule, subjectType, subjectId: place.id, subjectCode: place.code });

/**
 * The kit's `describe` for a traffic breach at a place: its headline (one, or one per step), the
 * evidence of its opening; null (no event) when the rule raises no alert.
 */
export const describeAt =
  (place: Place, headline: string | ((step: BreachStep) => string), evidence: string[] = []) =>
  (breach: TrafficBreach, step: BreachStep): BreachPayload | null => {
    const rule = breach.rule;
    if (!rule.categoryCode) return null;
    return {
      categoryCode: rule.categoryCode,
      severity: breach.severity,
      headline: typeof headline === 'string' ? headline : headline(step),
      description: `Quy tắc ${rule.code} (${rule.nameVi}) tại ${breach.subjectType === 'Camera' ? 'camera' : 'đoạn đường'} ${place.code}; đỉnh ${num(breach.peakValue)}`,
      ...breachPlaceFields(place),
      startedAt: breach.startedAt.toISOString(),
      status: 'ACTUAL',
      ...(step === 'breachOpened' && evidence.length ? { evidence } : {}),
    };
  };
