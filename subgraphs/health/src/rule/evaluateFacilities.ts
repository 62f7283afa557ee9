import { BreachBook, inRuleArea, lastedFor, type Identity, type Verdict } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Facility } from '../facility/facility';
import { breachAt, describeAt, formatNumber, type Place } from './breachPlace';
import { HealthBreach, HealthMetric, HealthRule } from './rule';

/** A load report's value for a facility rule's metric, in SQL over `l` (facility_load) and `f` (facility). */
const VALUE_SQL: Partial<Record<HealthMetric, string>> = {
  [HealthMetric.BED_OCCUPANCY]: '(l.beds_occupied * 100.0 / nullif(f.beds, 0))',
  [HealthMetric.EMERGENCY_WAITING]: 'l.emergency_waiting::float8',
};

interface FacilityRun {
  facilityId: string;
  value: number | null;
  latestAt: Date;
  start: Date | null;
  peak: number | null;
}

const facilityPlace = (f: Facility): Place => ({
  type: 'Facility',
  id: f.id,
  code: f.code,
  nameVi: f.nameVi,
  unitId: f.unitId,
  unitLineage: f.unitLineage,
  latitude: f.latitude,
  longitude: f.longitude,
});

const headlineOf = (rule: HealthRule, place: Place, value: number, ended: boolean) => {
  if (rule.metric === HealthMetric.BED_OCCUPANCY)
    return ended
      ? `Hết quá tải giường bệnh tại ${place.nameVi}: công suất ${formatNumber(value, 0)}%`
      : `Quá tải giường bệnh tại ${place.nameVi}: công suất ${formatNumber(value, 0)}% (ngưỡng ${formatNumber(rule.threshold ?? 0, 0)}%)`;
  return ended
    ? `Hết ùn tắc cấp cứu tại ${place.nameVi}: ${value} bệnh nhân chờ`
    : `${value} bệnh nhân chờ cấp cứu tại ${place.nameVi} (ngưỡng ${formatNumber(rule.threshold ?? 0, 0)})`;
};

/**
 * The facility rules (BED_OCCUPANCY, EMERGENCY_WAITING) at the facilities an ingest gave new load
 * reports, inside its transaction; one statement per rule for all the facilities. A facility's run is its
 * reports since the last one at or below the threshold: the rule is met when its latest report is above
 * the threshold and the run has lasted `durationMinutes` (first to latest report), so that a breach
 * opens (`health.breachOpened`, started at the run's start) or goes on; the first report at or below the
 * threshold closes it (`health.breachClosed`). Judged at each facility's latest report.
 */
export async function evaluateFacilities(tx: EntityManager, now: Date, actor: Identity, facilityIds: string[]): Promise<void> {
  if (!facilityIds.length) return;
  const rules = await tx.find(HealthRule, { metric: { $in: Object.keys(VALUE_SQL) } }, { orderBy: { code: 'ASC' } });
  if (!rules.length) return;
  const open = await tx.find(
    HealthBreach,
    { endedAt: null, subjectId: { $in: facilityIds }, rule: { id: { $in: rules.map((r) => r.id) } } },
    { populate: ['rule'] },
  );
  const facilities = new Map((await tx.find(Facility, { id: { $in: facilityIds } })).map((f) => [f.id, f]));
  const book = new BreachBook<HealthBreach>(tx, { sector: 'health', actor, now });
  const ids = `{${facilityIds.join(',')}}`;
  for (const rule of rules) {
    const value = VALUE_SQL[rule.metric as HealthMetric]!;
    const threshold = rule.threshold ?? Number.POSITIVE_INFINITY;
    const runs = await tx.execute<FacilityRun[]>(
      `select f.id as "facilityId", last.value, last.reported_at as "latestAt", run.start, run.peak
       from health.facility f
       join lateral (select ${value} as value, l.reported_at from health.facility_load l where l.facility_id = f.id order by l.reported_at desc limit 1) last on true
       left join lateral (select max(l.reported_at) as at from health.facility_load l where l.facility_id = f.id and coalesce(${value}, 0) <= ?) low on true
       join lateral (
         select min(l.reported_at) as start, max(${value}) as peak from health.facility_load l
         where l.facility_id = f.id and (low.at is null or l.reported_at > low.at)
       ) run on true
       where f.id = any(?::uuid[])`,
      [Number.isFinite(threshold) ? threshold : 1e12, ids],
    );
    for (const run of runs) {
      const facility = facilities.get(run.facilityId);
      if (!facility) continue;
      const place = facilityPlace(facility);
      const latest = run.value === null ? 0 : Number(run.value);
      const start = run.start ? new Date(run.start) : null;
      const latestAt = new Date(run.latestAt);
      const applies = rule.active && rule.threshold !== null && inRuleArea(rule, facility.unitLineage);
      const verdict: Verdict =
        applies && latest > threshold && start && lastedFor(start, latestAt, rule.durationMinutes)
          ? { state: 'met', value: Number(run.peak), severity: rule.severity, startedAt: start, seenAt: latestAt }
          : !applies || latest <= threshold
            ? { state: 'clear', value: latest }
            : { state: 'pending' };
      await book.apply(
        open.find((b) => b.rule.id === rule.id && b.subjectId === facility.id),
        verdict,
        {
          create: breachAt(tx, rule, place),
          describe: describeAt(
            place,
            (step) => headlineOf(rule, place, Math.round(latest * 10) / 10, step === 'breachClosed'),
            `${rule.metric} ${formatNumber(latest)}, ngưỡng ${formatNumber(threshold)} trong ${rule.durationMinutes} phút`,
          ),
        },
      );
    }
  }
}
