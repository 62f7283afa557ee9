import { BreachBook, inRuleArea, LOCAL_TIME_ZONE, type Identity, type Verdict } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ReportingUnit } from '../facility/facility';
import { DISEASE_NAMES, type Disease } from '../vocabulary';
import { breachAt, describeAt, formatNumber, type Place } from './breachPlace';
import { epidemicThreshold } from './threshold';
import { HealthBreach, HealthMetric, HealthRule } from './rule';

/** A commune's latest ISO week of a disease, the week before it, and the same week in earlier years. */
interface WeekPicture {
  unitId: string;
  disease: Disease;
  weekStart: Date;
  isoYear: number;
  isoWeek: number;
  cases: number;
  previousCases: number;
  /** Cases in the same ISO week of each earlier ISO year in which the commune reported the disease at all. */
  history: { year: number; cases: number }[];
}

const local = (column: string) => `(${column} at time zone '${LOCAL_TIME_ZONE}')`;
const instant = (localColumn: string) => `(${localColumn} at time zone '${LOCAL_TIME_ZONE}')`;

/** The week pictures of the (commune, disease) pairs an ingest touched, in one statement. */
async function readWeeks(tx: EntityManager, pairs: { unitId: string; disease: string }[]): Promise<WeekPicture[]> {
  const casesIn = (from: string, to: string) =>
    `(select coalesce(sum(h.sum), 0)::int from health.hourly_cases h
      where h.unit_id = w.unit_id and h.disease = w.disease and h.measure = 'CASES' and h.hour >= ${from} and h.hour < ${to})`;
  const rows = await tx.execute<(Omit<WeekPicture, 'history'> & { history: { year: number; cases: number }[] })[]>(
    `with pairs as (select * from jsonb_to_recordset(?::jsonb) as p(unit_id uuid, disease text)),
     w as (
       select p.unit_id, p.disease, date_trunc('week', ${local('max(h.hour)')}) as local_week
       from pairs p join health.hourly_cases h on h.unit_id = p.unit_id and h.disease = p.disease and h.measure = 'CASES'
       group by p.unit_id, p.disease
     )
     select w.unit_id as "unitId", w.disease, ${instant('w.local_week')} as "weekStart",
       extract(isoyear from w.local_week)::int as "isoYear", extract(week from w.local_week)::int as "isoWeek",
       ${casesIn(instant('w.local_week'), instant("(w.local_week + interval '7 days')"))} as cases,
       ${casesIn(instant("(w.local_week - interval '7 days')"), instant('w.local_week'))} as "previousCases",
       (select coalesce(jsonb_agg(jsonb_build_object('year', y.year, 'cases', y.cases)), '[]'::jsonb) from (
          select extract(isoyear from ${local('h.hour')})::int as year,
            sum(case when extract(week from ${local('h.hour')}) = extract(week from w.local_week) then h.sum else 0 end)::int as cases
          from health.hourly_cases h
          where h.unit_id = w.unit_id and h.disease = w.disease and h.measure = 'CASES' and h.hour < ${instant('w.local_week')}
          group by 1
        ) y where y.year < extract(isoyear from w.local_week)) as history
     from w`,
    [JSON.stringify(pairs.map((p) => ({ unit_id: p.unitId, disease: p.disease })))],
  );
  return rows.map((r) => ({ ...r, weekStart: new Date(r.weekStart), cases: Number(r.cases), previousCases: Number(r.previousCases) }));
}

/**
 * The WEEKLY_CASES rules at the communes and diseases an ingest gave new case counts, inside its
 * transaction. A commune's week is the ISO week (Asia/Ho_Chi_Minh) of its latest report of the disease,
 * so a late report of an old week does not reopen the past. A rule is met when that week's cases are
 * above the commune's epidemic threshold (src/rule/threshold.ts): an outbreak opens (`health.breachOpened`,
 * started at the week's Monday) or goes on; it ends (`health.breachClosed`) once a whole week and the
 * current one are back at or below it, so that an outbreak is not ended by the first quiet Monday.
 */
export async function evaluateOutbreaks(
  tx: EntityManager,
  now: Date,
  actor: Identity,
  pairs: { unitId: string; disease: string }[],
): Promise<void> {
  if (!pairs.length) return;
  const rules = await tx.find(HealthRule, { metric: HealthMetric.WEEKLY_CASES }, { orderBy: { code: 'ASC' } });
  if (!rules.length) return;
  const unitIds = [...new Set(pairs.map((p) => p.unitId))];
  const units = new Map((await tx.find(ReportingUnit, { unitId: { $in: unitIds } })).map((u) => [u.unitId, u]));
  const open = await tx.find(
    HealthBreach,
    { endedAt: null, subjectId: { $in: unitIds }, rule: { metric: HealthMetric.WEEKLY_CASES } },
    { populate: ['rule'] },
  );
  const weeks = await readWeeks(tx, pairs);
  const book = new BreachBook<HealthBreach>(tx, { sector: 'health', actor, now });
  for (const week of weeks) {
    const unit = units.get(week.unitId);
    if (!unit) continue;
    const place: Place = {
      type: 'AdministrativeUnit',
      id: unit.unitId,
      code: unit.code,
      nameVi: unit.nameVi,
      unitId: unit.unitId,
      unitLineage: unit.unitLineage,
      latitude: null,
      longitude: null,
    };
    for (const rule of rules.filter((r) => r.disease === week.disease)) {
      const threshold = epidemicThreshold(rule, week.isoYear, week.history);
      const inArea = rule.active && inRuleArea(rule, unit.unitLineage) && threshold !== null;
      const verdict: Verdict = !inArea
        ? { state: 'clear' }
        : week.cases > threshold.value
          ? { state: 'met', value: week.cases, severity: rule.severity, startedAt: week.weekStart, seenAt: now }
          : week.previousCases > threshold.value
            ? { state: 'pending' }
            : { state: 'clear' };
      const disease = DISEASE_NAMES[week.disease].nameVi;
      const weekName = `tuần ${week.isoWeek}/${week.isoYear}`;
      const detail = threshold
        ? `${week.cases} ca ${weekName}, ngưỡng dịch ${formatNumber(threshold.value)} (${threshold.basis})`
        : `${week.cases} ca ${weekName}`;
      await book.apply(
        open.find((b) => b.rule.id === rule.id && b.subjectId === unit.unitId),
        verdict,
        {
          create: breachAt(tx, rule, place),
          describe: describeAt(
            place,
            (step) =>
              step === 'breachClosed'
                ? `Hết vượt ngưỡng dịch ${disease} tại ${unit.nameVi}: ${week.cases} ca ${weekName}`
                : `${disease}: ${week.cases} ca ${weekName} tại ${unit.nameVi}, vượt ngưỡng dịch`,
            detail,
          ),
        },
      );
    }
  }
}
