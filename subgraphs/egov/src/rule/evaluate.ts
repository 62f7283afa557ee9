import { BreachBook, inRuleArea, type BreachPayload, type BreachStep, type Identity, type Verdict } from '@ioc-graph/platform';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EgovBreach, EgovRule, OVERDUE_DOSSIERS } from './rule';

/** An agency and its dossiers overdue now. */
interface AgencyOverdue {
  id: string;
  code: string;
  nameVi: string;
  unitId: string;
  unitLineage: string[];
  overdue: number;
  oldestDueAt: Date | null;
}

/** Every agency's dossiers still RECEIVED past their due time at `now`, in one statement. */
export const overdueByAgency = (tx: EntityManager, now: Date) =>
  tx.execute<AgencyOverdue[]>(
    `select a.id, a.code, a.name_vi as "nameVi", a.unit_id as "unitId", a.unit_lineage as "unitLineage",
       count(d.id)::int as overdue, min(d.due_at) as "oldestDueAt"
     from egov.service_agency a
     left join egov.dossier d on d.agency_id = a.id and d.status = 'RECEIVED' and d.due_at < ?::timestamptz
     group by a.id order by a.code`,
    [now.toISOString()],
  );

const describe =
  (agency: AgencyOverdue) =>
  (breach: EgovBreach, step: BreachStep): BreachPayload => ({
    categoryCode: breach.rule.categoryCode,
    severity: breach.severity,
    headline:
      step === 'breachClosed'
        ? `${agency.nameVi}: hồ sơ trễ hạn đã về dưới ngưỡng (${agency.overdue} hồ sơ)`
        : `${agency.nameVi} có ${agency.overdue} hồ sơ thủ tục hành chính trễ hạn (ngưỡng ${breach.rule.threshold ?? 0})`,
    description: `Quy tắc ${breach.rule.code} (${breach.rule.nameVi}); nhiều nhất ${breach.peakValue} hồ sơ trễ hạn`,
    unitId: agency.unitId,
    unitLineage: agency.unitLineage,
    place: agency.nameVi,
    agencyId: agency.id,
    startedAt: breach.startedAt.toISOString(),
    status: 'ACTUAL',
  });

/**
 * The OVERDUE_DOSSIERS rules, inside an ingest's transaction: an agency in a rule's area with more than
 * the threshold of dossiers overdue now opens a breach (`egov.breachOpened`, naming the agency so that the
 * alert is routed to it) unless one is open; an open breach is extended (peak) while it lasts and closed
 * (`egov.breachClosed`) when the count is back at or under the threshold or the rule is switched off.
 */
export async function evaluateOverdue(tx: EntityManager, now: Date, actor: Identity): Promise<void> {
  const rules = await tx.find(EgovRule, { metric: OVERDUE_DOSSIERS }, { orderBy: { code: 'ASC' } });
  if (!rules.length) return;
  // Locked: a concurrent ingest that ends one of them first makes it drop out here (no second breachClosed).
  const open = await tx.find(
    EgovBreach,
    { endedAt: null, rule: { $in: rules.map((r) => r.id) } },
    { populate: ['rule'], lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  const agencies = await overdueByAgency(tx, now);
  const book = new BreachBook<EgovBreach>(tx, { sector: 'egov', actor, now });
  for (const rule of rules) {
    for (const agency of agencies) {
      const breach = open.find((b) => b.rule.id === rule.id && b.agencyId === agency.id);
      const inArea = inRuleArea(rule, agency.unitLineage);
      if (!inArea && !breach) continue;
      const met = rule.active && inArea && agency.overdue > (rule.threshold ?? 0);
      const verdict: Verdict = met
        ? { state: 'met', value: agency.overdue, severity: rule.severity, startedAt: now, seenAt: now }
        : { state: 'clear', value: agency.overdue, seenAt: now };
      await book.apply(breach, verdict, {
        create: (fields) => tx.create(EgovBreach, { ...fields, rule, agencyId: agency.id, agencyCode: agency.code }),
        describe: describe(agency),
      });
    }
  }
}
