import {
  BreachBook,
  inRuleArea,
  localDate,
  startOfLocalDay,
  type BreachPayload,
  type BreachStep,
  type Identity,
  type Verdict,
} from '@ioc-graph/platform';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Commune } from '../commune/commune';
import { SECURITY_CATEGORIES } from '../vocabulary';
import { SecurityBreach, SecurityRule } from './rule';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A commune's rolling count and the statistics of its daily counts, for one rule. */
interface CommuneLevel {
  communeId: string;
  count: number;
  firstHour: Date | null;
  mean: number;
  sd: number;
}

/** The usual level of a commune for a rule: `max(floor, mean + sigmas × SD)` (see SecurityRule). */
export const usualLevel = (rule: Pick<SecurityRule, 'floor' | 'sigmas'>, level: { mean: number; sd: number }) =>
  Math.max(rule.floor, level.mean + rule.sigmas * level.sd);

/**
 * The counts of a rule for some communes at `now`, in one statement from the hourly rollups: the reports
 * of its categories in the `windowHours` UTC hours ending with the current one, and the mean and SD of
 * its daily counts over the `baselineDays` whole local days before today.
 */
async function levels(tx: EntityManager, rule: SecurityRule, now: Date, communeIds: string[]): Promise<CommuneLevel[]> {
  const currentHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const today = startOfLocalDay(now).getTime();
  const rows = await tx.execute<{ communeId: string; count: number; firstHour: string | null; sum: number; squares: number }[]>(
    `with c as (select unnest(?::uuid[]) as id),
     win as (
       select h.commune_id, sum(h.count)::int as n, min(h.hour) as first_hour from security.hourly_report h
       where h.commune_id in (select id from c) and h.category = any(?::text[]) and h.hour > ?::timestamptz and h.hour <= ?::timestamptz
       group by 1
     ),
     days as (
       select h.commune_id, date_trunc('day', h.hour at time zone 'Asia/Ho_Chi_Minh') as day, sum(h.count)::float8 as n
       from security.hourly_report h
       where h.commune_id in (select id from c) and h.category = any(?::text[]) and h.hour >= ?::timestamptz and h.hour < ?::timestamptz
       group by 1, 2
     ),
     base as (select commune_id, sum(n) as sum, sum(n * n) as squares from days group by 1)
     select c.id as "communeId", coalesce(win.n, 0) as count, win.first_hour as "firstHour",
       coalesce(base.sum, 0) as sum, coalesce(base.squares, 0) as squares
     from c left join win on win.commune_id = c.id left join base on base.commune_id = c.id`,
    [
      `{${communeIds.join(',')}}`,
      `{${rule.categories.join(',')}}`,
      new Date(currentHour - rule.windowHours * HOUR_MS).toISOString(),
      new Date(currentHour).toISOString(),
      `{${rule.categories.join(',')}}`,
      new Date(today - rule.baselineDays * DAY_MS).toISOString(),
      new Date(today).toISOString(),
    ],
  );
  return rows.map((r) => {
    const mean = Number(r.sum) / rule.baselineDays;
    const variance = Number(r.squares) / rule.baselineDays - mean * mean;
    return {
      communeId: r.communeId,
      count: Number(r.count),
      firstHour: r.firstHour ? new Date(r.firstHour) : null,
      mean,
      sd: Math.sqrt(Math.max(variance, 0)),
    };
  });
}

const round1 = (v: number) => v.toLocaleString('vi-VN', { maximumFractionDigits: 1 });

/** The kit's `describe` for a hotspot breach in a commune. */
const describeIn =
  (commune: Commune, now: Date) =>
  (breach: SecurityBreach, step: BreachStep): BreachPayload => {
    const rule = breach.rule;
    const what = rule.categories.map((c) => SECURITY_CATEGORIES[c].nameVi.toLowerCase()).join(', ');
    return {
      categoryCode: rule.categoryCode,
      severity: breach.severity,
      headline:
        step === 'breachClosed'
          ? `${commune.nameVi}: tin báo ${what} trở lại mức thường lệ`
          : `${commune.nameVi}: ${breach.peakValue} tin báo ${what} trong ${rule.windowHours} giờ, vượt mức thường lệ ${round1(breach.usualLevel)}`,
      description: `Quy tắc ${rule.code} (${rule.nameVi}); mức thường lệ: trung bình + ${rule.sigmas}×độ lệch chuẩn số tin báo mỗi ngày trong ${rule.baselineDays} ngày trước ${localDate(now)}, tối thiểu ${rule.floor}`,
      unitId: commune.id,
      unitLineage: commune.unitLineage,
      place: commune.nameVi,
      startedAt: breach.startedAt.toISOString(),
      status: 'ACTUAL',
    };
  };

/**
 * The hotspot rules at `now`, inside an ingest's transaction, for the communes of its new reports and those
 * with an open breach: a commune whose rolling count exceeds its usual level opens a breach
 * (`security.breachOpened`) or extends its open one (peak); one back at or below it, or under a rule
 * switched off, closes it (`security.breachClosed`). One statement per rule, whatever the communes.
 */
export async function evaluateHotspots(tx: EntityManager, now: Date, actor: Identity, touched: string[]): Promise<void> {
  const rules = await tx.find(SecurityRule, {}, { orderBy: { code: 'ASC' } });
  // Locked: a concurrent ingest that ends one of them first makes it drop out here (no second breachClosed).
  const open = await tx.find(SecurityBreach, { endedAt: null }, { populate: ['rule'], lockMode: LockMode.PESSIMISTIC_WRITE });
  const communeIds = [...new Set([...touched, ...open.map((b) => b.communeId)])];
  if (!communeIds.length) return;
  const communes = new Map((await tx.find(Commune, { id: { $in: communeIds } })).map((c) => [c.id, c]));
  const book = new BreachBook<SecurityBreach>(tx, { sector: 'security', actor, now });
  for (const rule of rules) {
    const openHere = new Map(open.filter((b) => b.rule.id === rule.id).map((b) => [b.communeId, b]));
    if (!rule.active) {
      for (const breach of openHere.values()) await book.close(breach, describeIn(communes.get(breach.communeId)!, now));
      continue;
    }
    const inArea = communeIds.filter((id) => communes.has(id) && inRuleArea(rule, communes.get(id)!.unitLineage));
    if (!inArea.length) continue;
    for (const level of await levels(tx, rule, now, inArea)) {
      const commune = communes.get(level.communeId)!;
      const usual = usualLevel(rule, level);
      const verdict: Verdict =
        level.count > usual
          ? { state: 'met', value: level.count, severity: rule.severity, startedAt: level.firstHour ?? now, seenAt: now }
          : { state: 'clear', value: level.count, seenAt: now };
      await book.apply(openHere.get(level.communeId), verdict, {
        create: (fields) =>
          tx.create(SecurityBreach, {
            ...fields,
            rule,
            communeId: commune.id,
            communeCode: commune.code,
            usualLevel: Math.round(usual * 10) / 10,
          }),
        describe: describeIn(commune, now),
      });
    }
  }
}
