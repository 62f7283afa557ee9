import { checkVersion, conflict, forbidden, hasRole, inTransaction, notFound, requireId, Role } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/core';
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Category } from '../category/category';
import { requireCategory } from '../category/category.loader';
import type { IncidentsContext } from '../common';
import { locate } from '../alert/location';
import { cancelFollowUp, followUpPlan, loadCalendar, scheduleFollowUp } from '../followUp/followUp';
import { Publication } from '../publication/publication';
import { publish } from '../publication/publish';
import { emitIncidentEvent } from '../events';
import { timelineEntry } from '../timeline/timelineEntry';
import { AlertStatus } from '../vocabulary';
import { Incident } from './incident';
import { ApproveResultInput, AssignAgencyInput, NoteInput, OpenIncidentInput, ReasonInput, SubmitResultInput, TransitionInput } from './incident.input';
import { mayReadIncident } from './incident.loader';
import { checkTransition, IncidentState, NOTE_STATES, type IncidentAction } from './incident.rules';
import { openIncident } from './openIncident';

type Step = (incident: Incident, em: EntityManager, now: Date) => Promise<void> | void;

/**
 * Takes one step of the state machine in one transaction: loads the incident, checks the caller and
 * the state against the transition table and the version the caller read, applies the step, and
 * appends the timeline entry. Leaving the agency's hands cancels the follow-up timers.
 */
async function transition(ctx: IncidentsContext, id: string, action: IncidentAction, expectedVersion: number, note: string | null, step?: Step): Promise<Incident> {
  return inTransaction(ctx.em, async (em) => {
    const incident = await em.findOne(Incident, { id: requireId(id, 'id') });
    if (!incident || !mayReadIncident(ctx, incident)) throw notFound('Incident', id);
    const to = checkTransition(ctx.identity, action, incident);
    checkVersion(incident, expectedVersion);
    const from = incident.state;
    const now = ctx.clock.now();
    incident.state = to;
    await step?.(incident, em, now);
    em.persist(timelineEntry(ctx.identity, now, { subjectType: 'Incident', subjectId: incident.id, action, fromState: from, toState: to, note }, ctx.requestId));
    await emitIncidentEvent(em, ctx.identity, now, action === 'assignAgency' ? 'assigned' : 'stateChanged', incident, { action, fromState: from, toState: to });
    if (incident.state === IncidentState.PUBLISHED) {
      const publication = await em.findOneOrFail(Publication, { incidentId: incident.id });
      await emitIncidentEvent(em, ctx.identity, now, 'published', incident, { action: 'publishResult', fromState: IncidentState.APPROVED, toState: IncidentState.PUBLISHED, publicationId: publication.id });
    }
    if (![IncidentState.ASSIGNED, IncidentState.ACCEPTED, IncidentState.IN_PROGRESS, IncidentState.RETURNED].includes(incident.state)) {
      await cancelFollowUp(em, incident.id, now);
    }
    return incident;
  });
}

/** Plans deadline, reminder and escalation from the assignment time and the category's SLA. */
async function planFollowUp(incident: Incident, em: EntityManager, now: Date): Promise<void> {
  const category = await em.findOneOrFail(Category, incident.category.id);
  const plan = followUpPlan(category, incident.assignedAt ?? now, await loadCalendar(em));
  incident.deadline = plan.deadline;
  await scheduleFollowUp(em, incident, plan, now);
}

/** The steps of the time-bound process: operators steer, the assigned agency works. */
@Resolver()
export class IncidentMutations {
  @Authorized(Role.OPERATOR)
  @Mutation(() => Incident, { description: 'Opens an incident directly, e.g. from a hotline call (operators)' })
  async openIncident(@Arg('input', () => OpenIncidentInput) input: OpenIncidentInput, @Ctx() ctx: IncidentsContext) {
    const category = await requireCategory(ctx, input.categoryId, 'categoryId');
    const location = await locate(ctx, input);
    return inTransaction(ctx.em, (em) =>
      openIncident(
        ctx,
        em,
        {
          category,
          title: input.title.trim(),
          description: input.description.trim(),
          process: input.process ?? category.defaultProcess,
          severity: input.severity ?? category.defaultSeverity,
          status: input.status ?? AlertStatus.ACTUAL,
          place: input.place?.trim() ?? null,
          ...location,
          occurredAt: input.occurredAt ?? ctx.clock.now(),
        },
        null,
      ),
    );
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => Incident, { description: 'Assigns the incident to the competent agency; the deadline runs from now (operators)' })
  async assignAgency(@Arg('id', () => ID) id: string, @Arg('input', () => AssignAgencyInput) input: AssignAgencyInput, @Ctx() ctx: IncidentsContext) {
    const agency = await ctx.directory.agency(input.agencyId, 'agencyId');
    return transition(ctx, id, 'assignAgency', input.expectedVersion, input.note ?? `to ${agency.nameVi}`, async (incident, em, now) => {
      incident.agencyId = agency.id;
      incident.assignedAt = now;
      incident.remindedAt = incident.overdueAt = incident.escalatedAt = null;
      await planFollowUp(incident, em, now);
    });
  }

  @Authorized(Role.AGENCY_STAFF)
  @Mutation(() => Incident, { description: 'The assigned agency takes the incident on' })
  acceptIncident(@Arg('id', () => ID) id: string, @Arg('input', () => TransitionInput) input: TransitionInput, @Ctx() ctx: IncidentsContext) {
    return transition(ctx, id, 'acceptIncident', input.expectedVersion, input.note ?? null);
  }

  @Authorized(Role.AGENCY_STAFF)
  @Mutation(() => Incident, { description: 'The assigned agency says it is not competent, with a reason' })
  requestReassignment(@Arg('id', () => ID) id: string, @Arg('input', () => ReasonInput) input: ReasonInput, @Ctx() ctx: IncidentsContext) {
    return transition(ctx, id, 'requestReassignment', input.expectedVersion, input.reason.trim());
  }

  @Authorized(Role.AGENCY_STAFF)
  @Mutation(() => Incident, { description: 'The assigned agency starts (or, after a return, resumes) the work' })
  startWork(@Arg('id', () => ID) id: string, @Arg('input', () => TransitionInput) input: TransitionInput, @Ctx() ctx: IncidentsContext) {
    return transition(ctx, id, 'startWork', input.expectedVersion, input.note ?? null);
  }

  @Authorized(Role.AGENCY_STAFF)
  @Mutation(() => Incident, { description: 'The assigned agency reports its result for moderation; a change to a published result goes back to moderation too' })
  submitResult(@Arg('id', () => ID) id: string, @Arg('input', () => SubmitResultInput) input: SubmitResultInput, @Ctx() ctx: IncidentsContext) {
    return transition(ctx, id, 'submitResult', input.expectedVersion, null, (incident, _em, now) => {
      incident.result = input.result.trim();
      incident.resultEvidence = input.evidence ?? [];
      incident.resultSubmittedAt = now;
    });
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => Incident, { description: 'Approves the result (operators) and, unless publish is false or it is a drill, publishes it' })
  async approveResult(@Arg('id', () => ID) id: string, @Arg('input', () => ApproveResultInput) input: ApproveResultInput, @Ctx() ctx: IncidentsContext) {
    return transition(ctx, id, 'approveResult', input.expectedVersion, input.note ?? null, async (incident, em, now) => {
      incident.approvedAt = now;
      if (input.publish !== false && incident.status === AlertStatus.ACTUAL) {
        // The publication is the next step, one millisecond later so that the timeline keeps the order.
        const then = new Date(now.getTime() + 1);
        await publish(em, incident, input.publicSummary ?? null, then);
        incident.state = IncidentState.PUBLISHED;
        em.persist(timelineEntry(ctx.identity, then, { subjectType: 'Incident', subjectId: incident.id, action: 'publishResult', fromState: IncidentState.APPROVED, toState: IncidentState.PUBLISHED, note: null }, ctx.requestId));
      }
    });
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => Incident, { description: 'Sends the result back to the agency with a reason (operators)' })
  returnResult(@Arg('id', () => ID) id: string, @Arg('input', () => ReasonInput) input: ReasonInput, @Ctx() ctx: IncidentsContext) {
    return transition(ctx, id, 'returnResult', input.expectedVersion, input.reason.trim(), (incident, em, now) => planFollowUp(incident, em, now));
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => Incident, { description: 'Publishes an approved result (operators); drills are never published' })
  publishResult(@Arg('id', () => ID) id: string, @Arg('input', () => ApproveResultInput) input: ApproveResultInput, @Ctx() ctx: IncidentsContext) {
    return transition(ctx, id, 'publishResult', input.expectedVersion, input.note ?? null, async (incident, em, now) => {
      if (incident.status === AlertStatus.EXERCISE) throw conflict('Drills are never published');
      await publish(em, incident, input.publicSummary ?? null, now);
    });
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => Incident, { description: 'Closes the incident without publication, with a reason (operators)' })
  closeIncident(@Arg('id', () => ID) id: string, @Arg('input', () => ReasonInput) input: ReasonInput, @Ctx() ctx: IncidentsContext) {
    return transition(ctx, id, 'closeIncident', input.expectedVersion, input.reason.trim(), (incident, _em, now) => {
      incident.closedAt = now;
    });
  }

  @Authorized(Role.OPERATOR, Role.AGENCY_STAFF)
  @Mutation(() => Incident, { description: 'Adds a progress note (the assigned agency) or a follow-up note (operators) to the timeline' })
  addIncidentNote(@Arg('id', () => ID) id: string, @Arg('input', () => NoteInput) input: NoteInput, @Ctx() ctx: IncidentsContext) {
    return inTransaction(ctx.em, async (em) => {
      const incident = await em.findOne(Incident, { id: requireId(id, 'id') });
      if (!incident || !mayReadIncident(ctx, incident)) throw notFound('Incident', id);
      if (!hasRole(ctx.identity, Role.OPERATOR) && incident.agencyId !== ctx.identity.agencyId) throw forbidden('Only the assigned agency adds progress notes');
      if (!NOTE_STATES.includes(incident.state)) throw conflict(`Notes are closed in state ${incident.state}`);
      const action = hasRole(ctx.identity, Role.OPERATOR) ? 'follow-up note' : 'progress note';
      em.persist(timelineEntry(ctx.identity, ctx.clock.now(), { subjectType: 'Incident', subjectId: incident.id, action, fromState: incident.state, toState: incident.state, note: input.note.trim() }, ctx.requestId));
      await emitIncidentEvent(em, ctx.identity, ctx.clock.now(), 'noted', incident, { action, fromState: incident.state, toState: incident.state });
      return incident;
    });
  }
}
