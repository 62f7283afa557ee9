import {
  badInput,
  CENTER_ROLES,
  conflict,
  FINISHED_INCIDENT_STATES,
  forbidden,
  hasRole,
  inTransaction,
  isCenter,
  newLogEntry,
  notFound,
  requireId,
  Role,
  stepFacts,
  takeStep,
  type StepFacts,
} from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { DispatchContext } from '../context';
import { emitAssignmentEvent } from '../events';
import { fieldUnitFacts } from '../foreign/directoryLookup';
import { incidentFacts } from '../foreign/incidentsLookup';
import { PositionReport, UnitState } from '../unit/unitState';
import { lockUnitState } from '../unit/unitState.store';
import { AssignmentState, UnitStatus } from '../vocabulary';
import { Assignment, AssignmentLogEntry } from './assignment';
import { AssignmentNoteInput, AssignmentStepInput, DispatchUnitInput, ReportPositionsInput, SetUnitStatusInput } from './assignment.input';
import {
  ASSIGNMENT_TRANSITIONS,
  assignmentTransition,
  isCrew,
  mayDispatch,
  UNIT_STATUS_OF,
  type AssignmentAction,
} from './assignment.rules';

/** The assignment's log row for a step. */
const logOf = (assignment: Assignment, step: StepFacts, photoUrl: string | null = null) =>
  newLogEntry(AssignmentLogEntry, step, { assignmentId: assignment.id, photoUrl });

/** Loads an assignment inside the step's transaction. */
async function loadAssignment(em: EntityManager, id: string): Promise<Assignment> {
  const assignment = await em.findOne(Assignment, { id: requireId(id, 'id') });
  if (!assignment) throw notFound('Assignment', id);
  return assignment;
}

/** Immediate handling: dispatchers send units, crews report each step, and the unit's status follows. */
@Resolver()
export class AssignmentMutations {
  @Authorized(...CENTER_ROLES, Role.AGENCY_STAFF)
  @Mutation(() => Assignment, {
    description:
      'Sends a field unit to an IMMEDIATE incident (the center, or the unit’s agency). A unit holds one active assignment at a time',
  })
  async dispatchUnit(
    @Arg('input', () => DispatchUnitInput, { description: 'The incident, the unit and instructions' }) input: DispatchUnitInput,
    @Ctx() ctx: DispatchContext,
  ) {
    const [incident, unit] = await Promise.all([
      incidentFacts(ctx, requireId(input.incidentId, 'incidentId'), 'incidentId'),
      fieldUnitFacts(ctx, requireId(input.fieldUnitId, 'fieldUnitId'), 'fieldUnitId'),
    ]);
    if (!mayDispatch(ctx.identity, unit.agencyId)) throw forbidden('Only the center or the unit’s own agency dispatches it');
    if (incident.process !== 'IMMEDIATE')
      throw conflict(
        `Incident ${incident.code} is handled by the ${incident.process} process; units are dispatched to IMMEDIATE incidents`,
      );
    if (FINISHED_INCIDENT_STATES.includes(incident.state)) throw conflict(`Incident ${incident.code} is ${incident.state}`);
    const now = ctx.clock.now();
    return inTransaction(ctx.em, async (em) => {
      const state = await lockUnitState(em, unit.id, now);
      if (state.status === UnitStatus.OUT_OF_SERVICE) throw conflict(`Unit ${unit.code} is out of service`);
      if (state.activeAssignmentId)
        throw conflict(`Unit ${unit.code} already holds an active assignment`, { activeAssignmentId: state.activeAssignmentId });
      const assignment = em.create(Assignment, {
        incidentId: incident.id,
        incidentCode: incident.code,
        incidentTitle: incident.title,
        fieldUnitId: unit.id,
        agencyId: unit.agencyId,
        unitKind: unit.kind,
        receivedAt: incident.receivedAt,
        dispatchedAt: now,
        dispatchNote: input.note?.trim() ?? null,
        sceneLatitude: incident.location?.latitude ?? null,
        sceneLongitude: incident.location?.longitude ?? null,
        unitLineage: incident.unitLineage,
        exercise: incident.status === 'EXERCISE',
      } as Assignment);
      em.persist(assignment);
      Object.assign(state, { status: UnitStatus.DISPATCHED, activeAssignmentId: assignment.id, updatedAt: now });
      em.persist(
        logOf(
          assignment,
          stepFacts(ctx.identity, now, { action: 'dispatchUnit', toState: assignment.state, note: assignment.dispatchNote }, ctx.requestId),
        ),
      );
      await emitAssignmentEvent(em, ctx.identity, now, 'assignment.dispatched', assignment, state.status);
      return assignment;
    });
  }

  /** Takes a step of an assignment (see takeStep); the unit's status follows the assignment's state. */
  private step(ctx: DispatchContext, id: string, action: AssignmentAction, input: AssignmentStepInput) {
    let unitStatus!: UnitStatus;
    return takeStep(ctx.em, {
      actor: ctx.identity,
      at: ctx.clock.now(),
      requestId: ctx.requestId,
      action,
      load: (em) => loadAssignment(em, id),
      transition: assignmentTransition(ctx.identity),
      expectedVersion: input.expectedVersion,
      note: input.note ?? null,
      apply: async (assignment, em, now) => {
        const { stamp } = ASSIGNMENT_TRANSITIONS[action];
        if ((action === 'declineAssignment' || action === 'cancelAssignment') && !input.note)
          throw badInput('A reason is required', [{ field: 'note', message: 'say why' }]);
        assignment[stamp] = now;
        if (stamp === 'endedAt') assignment.endReason = input.note!.trim();
        const unit = await lockUnitState(em, assignment.fieldUnitId, now);
        unit.status = unitStatus = UNIT_STATUS_OF[assignment.state];
        unit.updatedAt = now;
        if (unit.status === UnitStatus.AVAILABLE) unit.activeAssignmentId = null;
      },
      log: (assignment, step) => logOf(assignment, step),
      emit: (em, assignment, { at }) => emitAssignmentEvent(em, ctx.identity, at, `assignment.${action}`, assignment, unitStatus),
    });
  }

  @Authorized(Role.FIELD_OFFICER)
  @Mutation(() => Assignment, { description: 'The crew takes the dispatch (nhận lệnh)' })
  acceptAssignment(
    @Arg('id', () => ID, { description: 'Id of the assignment' }) id: string,
    @Arg('input', () => AssignmentStepInput, { description: 'Expected version and an optional note' }) input: AssignmentStepInput,
    @Ctx() ctx: DispatchContext,
  ) {
    return this.step(ctx, id, 'acceptAssignment', input);
  }

  @Authorized(Role.FIELD_OFFICER)
  @Mutation(() => Assignment, { description: 'The crew cannot take the dispatch; note says why' })
  declineAssignment(
    @Arg('id', () => ID, { description: 'Id of the assignment' }) id: string,
    @Arg('input', () => AssignmentStepInput, { description: 'Expected version and the reason (required)' }) input: AssignmentStepInput,
    @Ctx() ctx: DispatchContext,
  ) {
    return this.step(ctx, id, 'declineAssignment', input);
  }

  @Authorized(Role.FIELD_OFFICER)
  @Mutation(() => Assignment, { description: 'The crew is on its way' })
  reportEnRoute(
    @Arg('id', () => ID, { description: 'Id of the assignment' }) id: string,
    @Arg('input', () => AssignmentStepInput, { description: 'Expected version and an optional note' }) input: AssignmentStepInput,
    @Ctx() ctx: DispatchContext,
  ) {
    return this.step(ctx, id, 'reportEnRoute', input);
  }

  @Authorized(Role.FIELD_OFFICER)
  @Mutation(() => Assignment, { description: 'The crew is at the scene' })
  reportOnScene(
    @Arg('id', () => ID, { description: 'Id of the assignment' }) id: string,
    @Arg('input', () => AssignmentStepInput, { description: 'Expected version and an optional note' }) input: AssignmentStepInput,
    @Ctx() ctx: DispatchContext,
  ) {
    return this.step(ctx, id, 'reportOnScene', input);
  }

  @Authorized(Role.FIELD_OFFICER)
  @Mutation(() => Assignment, { description: 'The crew has finished at the scene; the unit is available again' })
  clearAssignment(
    @Arg('id', () => ID, { description: 'Id of the assignment' }) id: string,
    @Arg('input', () => AssignmentStepInput, { description: 'Expected version and an optional note' }) input: AssignmentStepInput,
    @Ctx() ctx: DispatchContext,
  ) {
    return this.step(ctx, id, 'clearAssignment', input);
  }

  @Authorized(...CENTER_ROLES, Role.AGENCY_STAFF)
  @Mutation(() => Assignment, { description: 'Calls the unit back (the center, or the unit’s agency); note says why' })
  cancelAssignment(
    @Arg('id', () => ID, { description: 'Id of the assignment' }) id: string,
    @Arg('input', () => AssignmentStepInput, { description: 'Expected version and the reason (required)' }) input: AssignmentStepInput,
    @Ctx() ctx: DispatchContext,
  ) {
    return this.step(ctx, id, 'cancelAssignment', input);
  }

  @Authorized(Role.FIELD_OFFICER, ...CENTER_ROLES)
  @Mutation(() => Assignment, { description: 'Adds a note or a photo from the scene to the assignment’s log' })
  async addAssignmentNote(
    @Arg('id', () => ID, { description: 'Id of the assignment' }) id: string,
    @Arg('input', () => AssignmentNoteInput, { description: 'The note or photo' }) input: AssignmentNoteInput,
    @Ctx() ctx: DispatchContext,
  ) {
    if (!input.note && !input.photoUrl)
      throw badInput('A note or a photo is required', [{ field: 'note', message: 'give a note or a photoUrl' }]);
    // A note is no decision on the assignment: no state change, no version check.
    return takeStep(ctx.em, {
      actor: ctx.identity,
      at: ctx.clock.now(),
      requestId: ctx.requestId,
      action: 'note',
      load: (em) => loadAssignment(em, id),
      guard: (assignment) => {
        if (!isCenter(ctx.identity) && !isCrew(ctx.identity, assignment.fieldUnitId))
          throw forbidden('Only the crew of the unit adds notes');
      },
      note: input.note ?? null,
      apply: (assignment) => ({ fromState: assignment.state, toState: assignment.state }),
      log: (assignment, step) => logOf(assignment, step, input.photoUrl ?? null),
    });
  }

  @Authorized(Role.FIELD_OFFICER, Role.SYSTEM)
  @Mutation(() => Int, { description: 'Stores a batch of positions of a unit (its crew’s app or its tracker); returns how many' })
  async reportPositions(
    @Arg('input', () => ReportPositionsInput, { description: 'The unit and its fixes' }) input: ReportPositionsInput,
    @Ctx() ctx: DispatchContext,
  ) {
    const unitId = requireId(input.fieldUnitId, 'fieldUnitId');
    if (!hasRole(ctx.identity, Role.SYSTEM) && !isCrew(ctx.identity, unitId)) throw forbidden('A crew reports its own unit’s positions');
    if (hasRole(ctx.identity, Role.SYSTEM)) await fieldUnitFacts(ctx, unitId, 'fieldUnitId');
    const now = ctx.clock.now();
    return inTransaction(ctx.em, async (em) => {
      const rows = input.positions.map((p) => ({
        fieldUnitId: unitId,
        latitude: p.latitude,
        longitude: p.longitude,
        at: p.at,
        speedKmh: p.speedKmh ?? null,
        heading: p.heading ?? null,
      }));
      await em.insertMany(
        PositionReport,
        rows.map((row) => Object.assign(new PositionReport(), row)),
      );
      const latest = rows.reduce((a, b) => (b.at > a.at ? b : a));
      const state = await lockUnitState(em, unitId, now);
      if (!state.positionAt || latest.at > state.positionAt)
        Object.assign(state, { latitude: latest.latitude, longitude: latest.longitude, positionAt: latest.at, updatedAt: now });
      return rows.length;
    });
  }

  @Authorized(Role.FIELD_OFFICER, ...CENTER_ROLES, Role.AGENCY_STAFF)
  @Mutation(() => UnitState, {
    description: 'Marks a unit available or out of service (no active assignment), or transporting / on scene while on scene',
  })
  async setUnitStatus(
    @Arg('input', () => SetUnitStatusInput, { description: 'The unit and its new status' }) input: SetUnitStatusInput,
    @Ctx() ctx: DispatchContext,
  ) {
    const unitId = requireId(input.fieldUnitId, 'fieldUnitId');
    const unit = await fieldUnitFacts(ctx, unitId, 'fieldUnitId');
    if (!isCrew(ctx.identity, unitId) && !mayDispatch(ctx.identity, unit.agencyId))
      throw forbidden('Only the crew, its agency or the center set a unit’s status');
    const now = ctx.clock.now();
    return inTransaction(ctx.em, async (em) => {
      const state = await lockUnitState(em, unitId, now);
      const active = state.activeAssignmentId ? await em.findOneOrFail(Assignment, state.activeAssignmentId) : null;
      const allowed = active
        ? active.state === AssignmentState.ON_SCENE && [UnitStatus.TRANSPORTING, UnitStatus.ON_SCENE].includes(input.status)
        : [UnitStatus.AVAILABLE, UnitStatus.OUT_OF_SERVICE].includes(input.status);
      if (!allowed)
        throw conflict(`A unit ${active ? `with an assignment ${active.state}` : 'without an assignment'} cannot be set ${input.status}`);
      Object.assign(state, { status: input.status, updatedAt: now });
      return state;
    });
  }
}
