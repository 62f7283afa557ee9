import type { EntityManager } from '@mikro-orm/postgresql';
import type { Category } from '../category/category';
import { CalendarDay } from '../calendar/calendarDay';
import { addWorkingMinutes, calendarFromDays, MINUTES_PER_WORKING_DAY, type WorkingCalendar } from '../calendar/workingCalendar';
import type { Incident } from '../incident/incident';
import { FollowUpKind, FollowUpTimer } from './followUpTimer';

/** Share of the SLA after which the agency is reminded. */
const REMINDER_AT = 0.75;

export interface FollowUpPlan {
  deadline: Date;
  reminderAt: Date;
  escalationAt: Date;
}

/** The working calendar as kept in the database. */
export async function loadCalendar(em: EntityManager): Promise<WorkingCalendar> {
  const days = await em.find(CalendarDay, {});
  return calendarFromDays(days);
}

/**
 * Deadline, reminder and escalation of an assignment made at `from`. Working-time SLAs count office
 * hours of working days, and escalate one working day after the deadline; calendar-time SLAs (immediate
 * and command processes) escalate after half the SLA again.
 */
export function followUpPlan(
  category: Pick<Category, 'slaMinutes' | 'slaInWorkingTime'>,
  from: Date,
  calendar: WorkingCalendar,
): FollowUpPlan {
  const sla = category.slaMinutes;
  if (category.slaInWorkingTime) {
    const deadline = addWorkingMinutes(calendar, from, sla);
    return {
      deadline,
      reminderAt: addWorkingMinutes(calendar, from, Math.round(sla * REMINDER_AT)),
      escalationAt: addWorkingMinutes(calendar, deadline, MINUTES_PER_WORKING_DAY),
    };
  }
  const at = (minutes: number) => new Date(from.getTime() + minutes * 60_000);
  return { deadline: at(sla), reminderAt: at(Math.round(sla * REMINDER_AT)), escalationAt: at(sla * 1.5) };
}

/** Cancels the incident's pending follow-up timers (the agency is no longer expected to act). */
export async function cancelFollowUp(em: EntityManager, incidentId: string, now: Date): Promise<void> {
  await em.nativeUpdate(FollowUpTimer, { incidentId, firedAt: null, cancelledAt: null }, { cancelledAt: now });
}

/**
 * Replaces the incident's pending timers by those of its current deadline; steps already taken
 * (reminded, overdue, escalated) are not planned again.
 */
export async function scheduleFollowUp(em: EntityManager, incident: Incident, plan: FollowUpPlan, now: Date): Promise<void> {
  await cancelFollowUp(em, incident.id, now);
  const timers: [FollowUpKind, Date, Date | null][] = [
    [FollowUpKind.REMINDER, plan.reminderAt, incident.remindedAt],
    [FollowUpKind.OVERDUE, plan.deadline, incident.overdueAt],
    [FollowUpKind.ESCALATION, plan.escalationAt, incident.escalatedAt],
  ];
  for (const [kind, dueAt, done] of timers) {
    if (!done) em.persist(em.create(FollowUpTimer, { incidentId: incident.id, kind, dueAt } as FollowUpTimer));
  }
}
