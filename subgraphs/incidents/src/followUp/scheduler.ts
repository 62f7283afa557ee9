import type { IncidentFollowUpName, Logger } from '@ioc-graph/platform';
import { LockMode } from '@mikro-orm/core';
import type { Orm } from '@ioc-graph/platform';
import type { Clock } from '@ioc-graph/platform';
import { Incident } from '../incident/incident';
import { RUNNING_STATES } from '../incident/incident.rules';
import { emitIncidentEvent } from '../events';
import { timelineEntry } from '../timeline/timelineEntry';
import { FollowUpKind, FollowUpTimer } from './followUpTimer';

const BATCH = 100;

const STEPS: Record<FollowUpKind, { action: IncidentFollowUpName; field: 'remindedAt' | 'overdueAt' | 'escalatedAt'; note: string }> = {
  [FollowUpKind.REMINDER]: { action: 'reminded', field: 'remindedAt', note: 'Nhắc hạn: the deadline is near' },
  [FollowUpKind.OVERDUE]: { action: 'overdue', field: 'overdueAt', note: 'Quá hạn: the deadline has passed without a result' },
  [FollowUpKind.ESCALATION]: { action: 'escalated', field: 'escalatedAt', note: 'Escalated to the head of the handling agency' },
};

/**
 * Fires due follow-up timers: reminders, overdue marks and escalations. Each batch is one transaction
 * that locks its timers (`FOR UPDATE SKIP LOCKED`), so several instances share the work and no timer
 * fires twice; the timers live in the database, so a restart loses none.
 */
export class FollowUpScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly orm: Orm,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Fires every timer due now; resolves to how many fired. */
  async runDue(): Promise<number> {
    let fired = 0;
    for (;;) {
      const count = await this.runBatch();
      fired += count;
      if (count < BATCH) return fired;
    }
  }

  private runBatch(): Promise<number> {
    const now = this.clock.now();
    return this.orm.em.fork().transactional(async (em) => {
      const due = await em.find(
        FollowUpTimer,
        { firedAt: null, cancelledAt: null, dueAt: { $lte: now } },
        { orderBy: { dueAt: 'ASC' }, limit: BATCH, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
      );
      if (!due.length) return 0;
      const incidents = new Map((await em.find(Incident, { id: { $in: due.map((t) => t.incidentId) } })).map((i) => [i.id, i]));
      for (const timer of due) {
        const incident = incidents.get(timer.incidentId);
        if (!incident || !RUNNING_STATES.includes(incident.state)) {
          timer.cancelledAt = now;
          continue;
        }
        const step = STEPS[timer.kind];
        timer.firedAt = now;
        // A follow-up mark is not a decision on the incident: written without a version bump, so an
        // agency that read the incident before a reminder can still take its next step, and another
        // scheduler instance marking the same incident never conflicts with this one.
        await em.nativeUpdate(Incident, { id: incident.id, [step.field]: null }, { [step.field]: now });
        em.persist(
          timelineEntry('scheduler', now, {
            subjectType: 'Incident',
            subjectId: incident.id,
            action: step.action,
            fromState: incident.state,
            toState: incident.state,
            note: step.note,
          }),
        );
        await emitIncidentEvent(em, 'scheduler', now, step.action, incident, {
          action: step.action,
          fromState: incident.state,
          toState: incident.state,
        });
        this.logger.info({ incident: incident.code, step: step.action }, 'follow-up');
      }
      return due.length;
    });
  }

  /** Runs `runDue` every `intervalMs` until `stop()`. */
  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.timer) return;
    const tick = () => {
      this.running = this.runDue().catch((error) => {
        this.logger.error({ err: error }, 'follow-up scheduler failed; retrying at the next tick');
        return 0;
      });
      void this.running.finally(() => {
        if (this.timer) this.timer = setTimeout(tick, intervalMs);
      });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    const timer = this.timer;
    this.timer = null;
    if (timer) clearTimeout(timer);
    await this.running;
  }
}
