import { addLocalDays, BreachBook, startOfLocalDate, type Identity, type Verdict } from '@ioc-graph/platform';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { breachAt, dayMonth, describeAt, localMoment, placeColumns, type Place } from './place';
import { UrbanBreach, UrbanRule, UrbanRuleKind } from './rule';

const MINUTE_MS = 60_000;
const CLEAR: Verdict = { state: 'clear' };

interface Judging {
  tx: EntityManager;
  now: Date;
  book: BreachBook<UrbanBreach>;
  open: UrbanBreach[];
}
const openOf = (j: Judging, rule: UrbanRule, subjectId: string) => j.open.find((b) => b.rule.id === rule.id && b.subjectId === subjectId);
const openSubjects = (j: Judging, kind: UrbanRuleKind) => `{${j.open.filter((b) => b.rule.kind === kind).map((b) => b.subjectId)}}`;

/**
 * Judges every urban rule inside an ingest's transaction (breach events to the outbox with the data
 * that caused them): LAMPS_FAILED on the circuits just reported (and those with an open breach),
 * CABINET_OFFLINE and WASTE_UNCOLLECTED on every cabinet and point, since silence and a missed day
 * need no new record to become true. A constant number of statements, whatever the batch.
 */
export async function judgeUrban(tx: EntityManager, now: Date, actor: Identity, reportedCircuits: string[] = []): Promise<void> {
  const rules = await tx.find(UrbanRule, {}, { orderBy: { code: 'ASC' } });
  if (!rules.length) return;
  // Locked: a concurrent ingest that ends one of them first makes it drop out here (no second breachClosed).
  const open = await tx.find(UrbanBreach, { endedAt: null }, { populate: ['rule'], lockMode: LockMode.PESSIMISTIC_WRITE });
  const j: Judging = { tx, now, open, book: new BreachBook<UrbanBreach>(tx, { sector: 'urban', actor, now }) };
  for (const rule of rules) {
    if (rule.kind === UrbanRuleKind.LAMPS_FAILED) await judgeLamps(j, rule, reportedCircuits);
    else if (rule.kind === UrbanRuleKind.CABINET_OFFLINE) await judgeOffline(j, rule);
    else await judgeWaste(j, rule);
  }
}

interface CircuitRow extends Place {
  failedLamps: number;
  lampCount: number;
  lastReportAt: Date | null;
}

async function judgeLamps(j: Judging, rule: UrbanRule, reported: string[]): Promise<void> {
  const circuits = await j.tx.execute<CircuitRow[]>(
    `select ${placeColumns('c', 'k')}, c.failed_lamps as "failedLamps", c.lamp_count as "lampCount", c.last_report_at as "lastReportAt"
     from urban.lighting_circuit c join urban.lighting_cabinet k on k.id = c.cabinet_id where c.id = any(?::uuid[]) or c.id = any(?::uuid[])`,
    [`{${reported.join(',')}}`, openSubjects(j, UrbanRuleKind.LAMPS_FAILED)],
  );
  for (const c of circuits) {
    const seenAt = c.lastReportAt ? new Date(c.lastReportAt) : j.now;
    const verdict: Verdict =
      rule.active && c.failedLamps > rule.threshold
        ? { state: 'met', value: c.failedLamps, severity: rule.severity, startedAt: seenAt, seenAt }
        : CLEAR;
    await j.book.apply(openOf(j, rule, c.id), verdict, {
      create: breachAt(j.tx, rule, 'LightingCircuit', c),
      describe: describeAt(
        c,
        (step) =>
          step === 'breachClosed'
            ? `Đã khắc phục đèn hỏng trên ${c.nameVi}: còn ${c.failedLamps}/${c.lampCount} bóng hỏng`
            : `${c.failedLamps}/${c.lampCount} bóng đèn hỏng trên ${c.nameVi}`,
        `Lộ chiếu sáng ${c.code} báo ${c.failedLamps} bóng hỏng, quá ngưỡng ${rule.threshold}`,
      ),
    });
  }
}

interface CabinetRow extends Place {
  lastReportAt: Date;
}

async function judgeOffline(j: Judging, rule: UrbanRule): Promise<void> {
  const silentSince = new Date(j.now.getTime() - rule.durationMinutes * MINUTE_MS);
  const cabinets = await j.tx.execute<CabinetRow[]>(
    `select ${placeColumns('c')}, c.last_report_at as "lastReportAt" from urban.lighting_cabinet c
     where c.last_report_at is not null and (c.last_report_at <= ? or c.id = any(?::uuid[]))`,
    [silentSince.toISOString(), openSubjects(j, UrbanRuleKind.CABINET_OFFLINE)],
  );
  for (const c of cabinets) {
    const last = new Date(c.lastReportAt);
    const minutes = Math.round((j.now.getTime() - last.getTime()) / MINUTE_MS);
    const verdict: Verdict =
      rule.active && last <= silentSince
        ? { state: 'met', value: minutes, severity: rule.severity, startedAt: last, seenAt: j.now }
        : {
            state: 'clear',
            value: Math.round((last.getTime() - (openOf(j, rule, c.id)?.startedAt.getTime() ?? last.getTime())) / MINUTE_MS),
          };
    await j.book.apply(openOf(j, rule, c.id), verdict, {
      create: breachAt(j.tx, rule, 'LightingCabinet', c),
      describe: describeAt(
        c,
        (step) => (step === 'breachClosed' ? `${c.nameVi} đã kết nối lại` : `${c.nameVi} mất kết nối từ ${localMoment(last)}`),
        `Bộ điều khiển tủ ${c.code} không gửi trạng thái quá ${rule.durationMinutes} phút`,
      ),
    });
  }
}

interface PointRow extends Place {
  dueDay: string | null;
  collected: boolean;
  daysOverdue: number | null;
}

/**
 * A point's due day is its latest scheduled local day that has ended (`durationMinutes` of grace after
 * local midnight), within the week before and not before the point existed; missed when no collection
 * is recorded on or after it.
 */
async function judgeWaste(j: Judging, rule: UrbanRule): Promise<void> {
  const points = await j.tx.execute<PointRow[]>(
    `with today as (select ((?::timestamptz - make_interval(mins => ?)) at time zone 'Asia/Ho_Chi_Minh')::date as d)
     select ${placeColumns('p')}, to_char(due.day, 'YYYY-MM-DD') as "dueDay", today.d - due.day as "daysOverdue",
       exists (select 1 from urban.collection c where c.point_id = p.id and c.local_day >= due.day) as collected
     from urban.collection_point p cross join today
     cross join lateral (
       select max(g.day)::date as day from generate_series((today.d - 7)::timestamp, (today.d - 1)::timestamp, interval '1 day') as g(day)
       where extract(isodow from g.day)::int = any(p.schedule_days)
         and g.day::date >= (p.created_at at time zone 'Asia/Ho_Chi_Minh')::date
     ) due
     where due.day is not null or p.id = any(?::uuid[])`,
    [j.now.toISOString(), rule.durationMinutes, openSubjects(j, UrbanRuleKind.WASTE_UNCOLLECTED)],
  );
  for (const p of points) {
    const missedFrom = p.dueDay ? startOfLocalDate(addLocalDays(p.dueDay, 1)) : null;
    const verdict: Verdict =
      rule.active && p.dueDay && !p.collected
        ? { state: 'met', value: Number(p.daysOverdue), severity: rule.severity, startedAt: missedFrom!, seenAt: j.now }
        : CLEAR;
    await j.book.apply(openOf(j, rule, p.id), verdict, {
      create: breachAt(j.tx, rule, 'CollectionPoint', p),
      describe: describeAt(
        p,
        (step) =>
          step === 'breachClosed'
            ? `${p.nameVi} đã được thu gom`
            : `${p.nameVi} không được thu gom ngày ${dayMonth(p.dueDay ?? '')} theo lịch`,
        `Điểm tập kết ${p.code} không có lượt thu gom (xe GPS trong bán kính hoặc ghi nhận) trong ngày theo lịch; giao tổ trật tự đô thị phường, xã sở tại`,
      ),
    });
  }
}
