import { badInput, CENTER_ROLES, conflict, newLogEntry, notFound, requireId, takeStep, type StepFacts } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { Alert } from '../alert/alert';
import type { IncidentsContext } from '../context';
import { emitPublicWarningEvent } from '../events';
import { TimelineEntry } from '../timeline/timelineEntry';
import { CapMessageType, PublicWarningState } from './capVocabulary';
import { PublicWarning, stateAt } from './publicWarning';
import { IssuePublicWarningInput, PublicWarningInput } from './publicWarning.input';
import { checkWarningContent, publicWarningTransition, WARNABLE_ALERT_STATES, type PublicWarningAction } from './publicWarning.rules';
import type { PublicWarningMessage } from './publicWarningMessage';
import { appendWarningMessage, warningContent, warningUnits } from './warningMessages';

/** How each step of a warning is called on its alert's timeline. */
const TIMELINE_ACTION = {
  issuePublicWarning: 'warning issued',
  updatePublicWarning: 'warning updated',
  cancelPublicWarning: 'warning cancelled',
} as const;

/** The step's entry on the timeline of the warning's alert, where the center follows what was done about it. */
const alertTimelineEntry = (alertId: string, action: keyof typeof TIMELINE_ACTION, step: StepFacts) =>
  newLogEntry(TimelineEntry, { ...step, action: TIMELINE_ACTION[action] }, { subjectType: 'Alert', subjectId: alertId });

/**
 * Public warnings are the center's to issue, change and end (leaders and operators). Each step appends
 * one CAP message, a timeline entry on the alert and a `publicWarning.*` event, in one transaction.
 */
@Resolver(() => PublicWarning)
export class PublicWarningMutations {
  @Authorized(...CENTER_ROLES)
  @Mutation(() => PublicWarning, {
    description:
      'Issues a public warning about a VERIFIED alert (or one MERGED into an open incident) and sends its CAP Alert message. ' +
      'CONFLICT when the alert is NEW or DISMISSED or already has an active warning. Leaders and operators only',
  })
  async issuePublicWarning(
    @Arg('input', () => IssuePublicWarningInput, { description: 'The warning and its alert' }) input: IssuePublicWarningInput,
    @Ctx() ctx: IncidentsContext,
  ): Promise<PublicWarning> {
    const at = ctx.clock.now();
    const alertId = requireId(input.alertId, 'alertId');
    checkWarningContent(input, at);
    const units = await warningUnits(ctx, input.unitIds);
    let warning!: PublicWarning;
    let message!: PublicWarningMessage;
    await takeStep(ctx.em, {
      actor: ctx.identity,
      at,
      requestId: ctx.requestId,
      action: 'issuePublicWarning',
      load: async (em) => {
        const alert = await em.findOne(Alert, { id: alertId });
        if (!alert) throw notFound('Alert', input.alertId);
        return alert;
      },
      guard: async (alert, em) => {
        if (!WARNABLE_ALERT_STATES.includes(alert.state))
          throw conflict(`Alert ${alert.id} is ${alert.state}; a public warning is issued about a verified alert`, {
            state: alert.state,
            allowedFrom: WARNABLE_ALERT_STATES,
          });
        await retireExpiredWarning(em, alert.id, at);
      },
      apply: async (alert, em) => {
        warning = em.create(PublicWarning, {
          alert,
          content: warningContent(input, alert, units),
          expires: input.expires,
          issuedAt: at,
          changedAt: at,
        });
        message = await appendWarningMessage(em, ctx, warning, CapMessageType.ALERT, at);
        return { fromState: null, toState: PublicWarningState.ACTIVE, note: warning.content.headlineVi };
      },
      log: (alert, step) => alertTimelineEntry(alert.id, 'issuePublicWarning', step),
      emit: (em) => emitPublicWarningEvent(em, ctx.identity, at, 'issued', warning, message),
    });
    return warning;
  }

  @Authorized(...CENTER_ROLES)
  @Mutation(() => PublicWarning, {
    description:
      'Replaces what an active public warning says and sends a CAP Update message referencing the earlier ones. Leaders and operators only',
  })
  async updatePublicWarning(
    @Arg('id', () => ID, { description: 'Id of an ACTIVE public warning' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The warning’s `version` you read; CONFLICT when it changed since' })
    expectedVersion: number,
    @Arg('input', () => PublicWarningInput, { description: 'The whole warning as it should now read' }) input: PublicWarningInput,
    @Ctx() ctx: IncidentsContext,
  ): Promise<PublicWarning> {
    const at = ctx.clock.now();
    requireId(id, 'id');
    checkWarningContent(input, at);
    const units = await warningUnits(ctx, input.unitIds);
    return this.warningStep(ctx, id, 'updatePublicWarning', expectedVersion, at, async (warning, em) => {
      const alert = await em.findOneOrFail(Alert, warning.alert.id);
      warning.content = warningContent(input, alert, units);
      warning.expires = input.expires;
      return { message: await appendWarningMessage(em, ctx, warning, CapMessageType.UPDATE, at), note: warning.content.headlineVi };
    });
  }

  @Authorized(...CENTER_ROLES)
  @Mutation(() => PublicWarning, {
    description: 'Ends an active public warning and sends a CAP Cancel message referencing the earlier ones. Leaders and operators only',
  })
  cancelPublicWarning(
    @Arg('id', () => ID, { description: 'Id of an ACTIVE public warning' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The warning’s `version` you read; CONFLICT when it changed since' })
    expectedVersion: number,
    @Arg('note', () => String, { nullable: true, description: 'Why it ends, 1–1,000 characters (the CAP note); optional' })
    note: string | null,
    @Ctx() ctx: IncidentsContext,
  ): Promise<PublicWarning> {
    const at = ctx.clock.now();
    requireId(id, 'id');
    const text = note?.trim() || null;
    if (text && text.length > 1000)
      throw badInput('note must be at most 1,000 characters', [{ field: 'note', message: 'at most 1,000 characters' }]);
    return this.warningStep(ctx, id, 'cancelPublicWarning', expectedVersion, at, async (warning, em) => ({
      message: await appendWarningMessage(em, ctx, warning, CapMessageType.CANCEL, at, text),
      note: text,
    }));
  }

  /**
   * Takes a step of an issued warning (see takeStep): checks the caller, the state (an expired warning
   * takes no step: CONFLICT), and the version read; applies the step, which appends its CAP message;
   * logs it on the alert's timeline and emits the event.
   */
  private async warningStep(
    ctx: IncidentsContext,
    id: string,
    action: PublicWarningAction,
    expectedVersion: number,
    at: Date,
    apply: (warning: PublicWarning, em: EntityManager) => Promise<{ message: PublicWarningMessage; note: string | null }>,
  ): Promise<PublicWarning> {
    let message!: PublicWarningMessage;
    return takeStep(ctx.em, {
      actor: ctx.identity,
      at,
      requestId: ctx.requestId,
      action,
      load: async (em) => {
        const warning = await em.findOne(PublicWarning, { id: requireId(id, 'id') });
        if (!warning) throw notFound('PublicWarning', id);
        return warning;
      },
      transition: publicWarningTransition(ctx.identity),
      guard: (warning) => {
        if (stateAt(warning, at) === PublicWarningState.EXPIRED)
          throw conflict(`Public warning ${warning.id} expired at ${warning.expires.toISOString()}; issue a new one`, {
            state: PublicWarningState.EXPIRED,
          });
      },
      expectedVersion,
      apply: async (warning, em) => {
        warning.changedAt = at;
        const applied = await apply(warning, em);
        message = applied.message;
        return { note: applied.note };
      },
      log: (warning, step) => alertTimelineEntry(warning.alert.id, action, step),
      emit: (em, warning) =>
        emitPublicWarningEvent(em, ctx.identity, at, action === 'cancelPublicWarning' ? 'cancelled' : 'updated', warning, message),
    });
  }
}

/**
 * An alert has one active warning at most (a unique index). One stored ACTIVE whose time has passed is
 * recorded EXPIRED before a new one is issued; one still in force is CONFLICT: update it instead.
 */
async function retireExpiredWarning(em: EntityManager, alertId: string, at: Date): Promise<void> {
  const current = await em.findOne(PublicWarning, { alert: alertId, state: PublicWarningState.ACTIVE });
  if (!current) return;
  if (stateAt(current, at) === PublicWarningState.ACTIVE)
    throw conflict(`Alert ${alertId} already has the active public warning ${current.id}; update it instead`, {
      publicWarningId: current.id,
    });
  current.state = PublicWarningState.EXPIRED;
  // Flushed now: the new warning's insert must not meet this one still ACTIVE in the unique index.
  await em.flush();
}
