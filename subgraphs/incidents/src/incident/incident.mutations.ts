import {
  CENTER_ROLES,
  conflict,
  forbidden,
  inTransaction,
  isCenter,
  notFound,
  requireId,
  Role,
  newLogEntry,
  takeStep,
  type StepFacts,
} from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Category } from '../category/category';
import { requireCategory } from '../category/category.loader';
import type { IncidentsContext } from '../context';
import { locate } from '../alert/location';
import { cancelFollowUp, followUpPlan, loadCalendar, scheduleFollowUp } from '../followUp/followUp';
import { Publication } from '../publication/publication';
import { publish } from '../publication/publish';
import { emitIncidentEvent } from '../events';
import { TimelineEntry, timelineEntry } from '../timeline/timelineEntry';
import { AlertStatus } from '../vocabulary';
import { Incident } from './incident';
import {
  ApproveResultInput,
  AssignAgencyInput,
  NoteInput,
  OpenIncidentInput,
  ReasonInput,
  SubmitResultInput,
  TransitionInput,
} from './incident.input';
import { mayReadIncident } from './incident.loader';
import { IncidentState, incidentTransition, NOTE_STATES, RUNNING_STATES, type IncidentAction } from './incident.rules';
import { openIncident } from './openIncident';

type Step = (incident: Incident, em: EntityManager, now: Date) => Promise<void> | void;

/** Loads an incident the caller may see, inside the step's transaction. */
async function loadIncident(ctx: IncidentsContext, em: EntityManager, id: string): Promise<Incident> {
  const incident = await em.findOne(Incident, { id: requireId(id, 'id') });
  if (!incident || !mayReadIncident(ctx, incident)) throw notFound('Incident', id);
  return incident;
}

/** The step's timeline entry. */
const logOf = (incident: Incident, step: StepFacts) =>
  newLogEntry(TimelineEntry, step, { subjectType: 'Incident', subjectId: incident.id });

/**
 * Takes one step of the state machine (see takeStep): checks the caller and the state against the
 * transition table and the version the caller read, applies the step, and appends the timeline entry
 * and the event. Leaving the agency's hands cancels the follow-up timers.
 */
function transition(
  ctx: IncidentsContext,
  id: string,
  action: IncidentAction,
  expectedVersion: number,
  note: string | null,
  step?: Step,
): Promise<Incident> {
  return takeStep(ctx.em, {
    actor: ctx.identity,
    at: ctx.clock.now(),
    requestId: ctx.requestId,
    action,
    load: (em) => loadIncident(ctx, em, id),
    transition: incidentTransition(ctx.identity),
    expectedVersion,
    note,
    apply: (incident, em, now) => step?.(incident, em, now),
    log: logOf,
    emit: async (em, incident, { at, from, to }) => {
      await emitIncidentEvent(em, ctx.identity, at, action === 'assignAgency' ? 'assigned' : 'stateChanged', incident, {
        action,
        fromState: from,
        toState: to,
      });
      if (incident.state === IncidentState.PUBLISHED) {
        const publication = await em.findOneOrFail(Publication, { incidentId: incident.id });
        await emitIncidentEvent(em, ctx.identity, at, 'published', incident, {
          action: 'publishResult',
          fromState: IncidentState.APPROVED,
          toState: IncidentState.PUBLISHED,
          publicationId: publication.id,
        });
      }
    },
    after: async (incident, em, { at }) => {
      if (!RUNNING_STATES.includes(incident.state)) await cancelFollowUp(em, incident.id, at);
    },
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
  @Authorized(...CENTER_ROLES)
  @Mutation(() => Incident, { description: 'Opens an incident directly, e.g. from a hotline call (the center)' })
  async openIncident(
    @Arg('input', () => OpenIncidentInput, { description: 'The incident' }) input: OpenIncidentInput,
    @Ctx() ctx: IncidentsContext,
  ) {
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

  @Authorized(...CENTER_ROLES)
  @Mutation(() => Incident, { description: 'Assigns the incident to the competent agency; the deadline runs from now (the center)' })
  async assignAgency(
    @Arg('id', () => ID, { description: 'Id of the incident' }) id: string,
    @Arg('input', () => AssignAgencyInput, { description: 'The agency, expected version and an optional note' }) input: AssignAgencyInput,
    @Ctx() ctx: IncidentsContext,
  ) {
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
  acceptIncident(
    @Arg('id', () => ID, { description: 'Id of the incident' }) id: string,
    @Arg('input', () => TransitionInput, { description: 'Expected version and an optional note' }) input: TransitionInput,
    @Ctx() ctx: IncidentsContext,
  ) {
    return transition(ctx, id, 'acceptIncident', input.expectedVersion, input.note ?? null);
  }

  @Authorized(Role.AGENCY_STAFF)
  @Mutation(() => Incident, { description: 'The assigned agency says it is not competent, with a reason' })
  requestReassignment(
    @Arg('id', () => ID, { description: 'Id of the incident' }) id: string,
    @Arg('input', () => ReasonInput, { description: 'Expected version and the reason' }) input: ReasonInput,
    @Ctx() ctx: IncidentsContext,
  ) {
    return transition(ctx, id, 'requestReassignment', input.expectedVersion, input.reason.trim());
  }

  @Authorized(Role.AGENCY_STAFF)
  @Mutation(() => Incident, { description: 'The assigned agency starts (or, after a return, resumes) the work' })
  startWork(
    @Arg('id', () => ID, { description: 'Id of the incident' }) id: string,
    @Arg('input', () => TransitionInput, { description: 'Expected version and an optional note' }) input: TransitionInput,
    @Ctx() ctx: IncidentsContext,
  ) {
    return transition(ctx, id, 'startWork', input.expectedVersion, input.note ?? null);
  }

  @Authorized(Role.AGENCY_STAFF)
  @Mutation(() => Incident, {
    description: 'The assigned agency reports its result for moderation; a change to a published result goes back to moderation too',
  })
  submitResult(
    @Arg('id', () => ID, { description: 'Id of the incident' }) id: string,
    @Arg('input', () => SubmitResultInput, { description: 'Expected version, the result and its evidence' }) input: SubmitResultInput,
    @Ctx() ctx: IncidentsContext,
  ) {
    return transition(ctx, id, 'submitResult', input.expectedVersion, null, (incident, _em, now) => {
      incident.result = input.result.trim();
      incident.resultEvidence = input.evidence ?? [];
      incident.resultSubmittedAt = now;
    });
  }

  @Authorized(...CENTER_ROLES)
  @Mutation(() => Incident, { description: 'Approves the result (the center) and, unless publish is false or it is a drill, publishes it' })
  async approveResult(
    @Arg('id', () => ID, { description: 'Id of the incident' }) id: string,
    @Arg('input', () => ApproveResultInput, { description: 'Expected version, whether to publish, and the public summary' })
    input: ApproveResultInput,
    @Ctx() ctx: IncidentsContext,
  ) {
    return transition(ctx, id, 'approveResult', input.expectedVersion, input.note ?? null, async (incident, em, now) => {
      incident.approvedAt = now;
      if (input.publish !== false && incident.status === AlertStatus.ACTUAL) {
        // The publication is the next step, one millisecond later so that the timeline keeps the order.
        const then = new Date(now.getTime() + 1);
        await publish(em, incident, input.publicSummary ?? null, then);
        incident.state = IncidentState.PUBLISHED;
        em.persist(
          timelineEntry(
            ctx.identity,
            then,
            {
              subjectType: 'Incident',
              subjectId: incident.id,
              action: 'publishResult',
              fromState: IncidentState.APPROVED,
              toState: IncidentState.PUBLISHED,
              note: null,
            },
            ctx.requestId,
          ),
        );
      }
    });
  }

  @Authorized(...CENTER_ROLES)
  @Mutation(() => Incident, { description: 'Sends the result back to the agency with a reason (the center)' })
  returnResult(
    @Arg('id', () => ID, { description: 'Id of the incident' }) id: string,
    @Arg('input', () => ReasonInput, { description: 'Expected version and the reason' }) input: ReasonInput,
    @Ctx() ctx: IncidentsContext,
  ) {
    return transition(ctx, id, 'returnResult', input.expectedVersion, input.reason.trim(), (incident, em, now) =>
      planFollowUp(incident, em, now),
    );
  }

  @Authorized(...CENTER_ROLES)
  @Mutation(() => Incident, { description: 'Publishes an approved result (the center); drills are never published' })
  publishResult(
    @Arg('id', () => ID, { description: 'Id of the incident' }) id: string,
    @Arg('input', () => ApproveResultInput, { description: 'Expected version and the public summary' }) input: ApproveResultInput,
    @Ctx() ctx: IncidentsContext,
  ) {
    return transition(ctx, id, 'publishResult', input.expectedVersion, input.note ?? null, async (incident, em, now) => {
      if (incident.status === AlertStatus.EXERCISE) throw conflict('Drills are never published');
      await publish(em, incident, input.publicSummary ?? null, now);
    });
  }

  @Authorized(...CENTER_ROLES)
  @Mutation(() => Incident, { description: 'Closes the incident without publication, with a reason (the center)' })
  closeIncident(
    @Arg('id', () => ID, { description: 'Id of the incident' }) id: string,
    @Arg('input', () => ReasonInput, { description: 'Expected version and the reason' }) input: ReasonInput,
    @Ctx() ctx: IncidentsContext,
  ) {
    return transition(ctx, id, 'closeIncident', input.expectedVersion, input.reason.trim(), (incident, _em, now) => {
      incident.closedAt = now;
    });
  }

  @Authorized(...CENTER_ROLES, Role.AGENCY_STAFF)
  @Mutation(() => Incident, { description: 'Adds a progress note (the assigned agency) or a follow-up note (the center) to the timeline' })
  addIncidentNote(
    @Arg('id', () => ID, { description: 'Id of the incident' }) id: string,
    @Arg('input', () => NoteInput, { description: 'The note' }) input: NoteInput,
    @Ctx() ctx: IncidentsContext,
  ) {
    const action = isCenter(ctx.identity) ? 'follow-up note' : 'progress note';
    // A note is not a decision on the incident: no state change, no version check.
    return takeStep(ctx.em, {
      actor: ctx.identity,
      at: ctx.clock.now(),
      requestId: ctx.requestId,
      action,
      load: (em) => loadIncident(ctx, em, id),
      guard: (incident) => {
        if (!isCenter(ctx.identity) && incident.agencyId !== ctx.identity.agencyId)
          throw forbidden('Only the assigned agency adds progress notes');
        if (!NOTE_STATES.includes(incident.state)) throw conflict(`Notes are closed in state ${incident.state}`);
      },
      note: input.note.trim(),
      apply: (incident) => ({ fromState: incident.state, toState: incident.state }),
      log: logOf,
      emit: (em, incident, { at }) =>
        emitIncidentEvent(em, ctx.identity, at, 'noted', incident, { action, fromState: incident.state, toState: incident.state }),
    });
  }
}
