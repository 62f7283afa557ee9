import { badInput, checkVersion, conflict, forbidden, hasRole, inTransaction, notFound, requireId, Role } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/postgresql';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { DispatchContext } from '../context';
import { emitAssignmentEvent } from '../events';
import { fieldUnitFacts, incidentFacts } from '../lookup';
import { PositionReport, UnitState } from '../unit/unitState';
import { lockUnitState } from '../unit/unitState.store';
import { AssignmentState, UnitStatus } from '../vocabulary';
import { Assignment, AssignmentLogEntry } from './assignment';
import { AssignmentNoteInput, AssignmentStepInput, DispatchUnitInput, ReportPositionsInput, SetUnitStatusInput } from './assignment.input';
import { checkAssignmentTransition, isCrew, mayDispatch, UNIT_STATUS_OF, type AssignmentAction } from './assignment.rules';

const CLOSED_INCIDENT_STATES = ['APPROVED', 'PUBLISHED', 'CLOSED'];

function log(em: EntityManager, ctx: DispatchContext, assignment: Assignment, at: Date, action: string, fromState: string | null, note: string | null, photoUrl: string | null = null) {
  em.persist(Object.assign(new AssignmentLogEntry(), { assignmentId: assignment.id, at, actor: ctx.identity.subject ?? 'public', action, fromState, toState: assignment.state, note, photoUrl }));
}

/** Immediate handling: dispatchers send units, crews report each step, and the unit's status follows. */
@Resolver()
export class AssignmentMutations {
  @Authorized(Role.OPERATOR, Role.AGENCY_STAFF)
  @Mutation(() => Assignment, { description: 'Sends a field unit to an IMMEDIATE incident (operators, or the unit’s agency). A unit holds one active assignment at a time' })
  async dispatchUnit(@Arg('input', () => DispatchUnitInput) input: DispatchUnitInput, @Ctx() ctx: DispatchContext) {
    const [incident, unit] = await Promise.all([incidentFacts(ctx, requireId(input.incidentId, 'incidentId'), 'incidentId'), fieldUnitFacts(ctx, requireId(input.fieldUnitId, 'fieldUnitId'), 'fieldUnitId')]);
    if (!mayDispatch(ctx.identity, unit.agencyId)) throw forbidden('Only the center or the unit’s own agency dispatches it');
    if (incident.process !== 'IMMEDIATE') throw conflict(`Incident ${incident.code} is handled by the ${incident.process} process; units are dispatched to IMMEDIATE incidents`);
    if (CLOSED_INCIDENT_STATES.includes(incident.state)) throw conflict(`Incident ${incident.code} is ${incident.state}`);
    const now = ctx.clock.now();
    return inTransaction(ctx.em, async (em) => {
      const state = await lockUnitState(em, unit.id, now);
      if (state.status === UnitStatus.OUT_OF_SERVICE) throw conflict(`Unit ${unit.code} is out of service`);
      if (state.activeAssignmentId) throw conflict(`Unit ${unit.code} already holds an active assignment`, { activeAssignmentId: state.activeAssignmentId });
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
      log(em, ctx, assignment, now, 'dispatchUnit', null, assignment.dispatchNote);
      await emitAssignmentEvent(em, ctx.identity, now, 'assignment.dispatched', assignment, state.status);
      return assignment;
    });
  }

  private async step(ctx: DispatchContext, id: string, action: AssignmentAction, input: AssignmentStepInput) {
    return inTransaction(ctx.em, async (em) => {
      const assignment = await em.findOne(Assignment, { id: requireId(id, 'id') });
      if (!assignment) throw notFound('Assignment', id);
      const transition = checkAssignmentTransition(ctx.identity, action, assignment);
      checkVersion(assignment, input.expectedVersion);
      if ((action === 'declineAssignment' || action === 'cancelAssignment') && !input.note) throw badInput('A reason is required', [{ field: 'note', message: 'say why' }]);
      const now = ctx.clock.now();
      const from = assignment.state;
      assignment.state = transition.to;
      assignment[transition.stamp] = now;
      if (transition.stamp === 'endedAt') assignment.endReason = input.note!.trim();
      const unit = await lockUnitState(em, assignment.fieldUnitId, now);
      unit.status = UNIT_STATUS_OF[assignment.state];
      unit.updatedAt = now;
      if (unit.status === UnitStatus.AVAILABLE) unit.activeAssignmentId = null;
      log(em, ctx, assignment, now, action, from, input.note ?? null);
      await emitAssignmentEvent(em, ctx.identity, now, `assignment.${action}`, assignment, unit.status);
      return assignment;
    });
  }

  @Authorized(Role.FIELD_OFFICER)
  @Mutation(() => Assignment, { description: 'The crew takes the dispatch (nhận lệnh)' })
  acceptAssignment(@Arg('id', () => ID) id: string, @Arg('input', () => AssignmentStepInput) input: AssignmentStepInput, @Ctx() ctx: DispatchContext) {
    return this.step(ctx, id, 'acceptAssignment', input);
  }

  @Authorized(Role.FIELD_OFFICER)
  @Mutation(() => Assignment, { description: 'The crew cannot take the dispatch; note says why' })
  declineAssignment(@Arg('id', () => ID) id: string, @Arg('input', () => AssignmentStepInput) input: AssignmentStepInput, @Ctx() ctx: DispatchContext) {
    return this.step(ctx, id, 'declineAssignment', input);
  }

  @Authorized(Role.FIELD_OFFICER)
  @Mutation(() => Assignment, { description: 'The crew is on its way' })
  reportEnRoute(@Arg('id', () => ID) id: string, @Arg('input', () => AssignmentStepInput) input: AssignmentStepInput, @Ctx() ctx: DispatchContext) {
    return this.step(ctx, id, 'reportEnRoute', input);
  }

  @Authorized(Role.FIELD_OFFICER)
  @Mutation(() => Assignment, { description: 'The crew is at the scene' })
  reportOnScene(@Arg('id', () => ID) id: string, @Arg('input', () => AssignmentStepInput) input: AssignmentStepInput, @Ctx() ctx: DispatchContext) {
    return this.step(ctx, id, 'reportOnScene', input);
  }

  @Authorized(Role.FIELD_OFFICER)
  @Mutation(() => Assignment, { description: 'The crew has finished at the scene; the unit is available again' })
  clearAssignment(@Arg('id', () => ID) id: string, @Arg('input', () => AssignmentStepInput) input: AssignmentStepInput, @Ctx() ctx: DispatchContext) {
    return this.step(ctx, id, 'clearAssignment', input);
  }

  @Authorized(Role.OPERATOR, Role.AGENCY_STAFF)
  @Mutation(() => Assignment, { description: 'Calls the unit back (operators, or the unit’s agency); note says why' })
  cancelAssignment(@Arg('id', () => ID) id: string, @Arg('input', () => AssignmentStepInput) input: AssignmentStepInput, @Ctx() ctx: DispatchContext) {
    return this.step(ctx, id, 'cancelAssignment', input);
  }

  @Authorized(Role.FIELD_OFFICER, Role.OPERATOR)
  @Mutation(() => Assignment, { description: 'Adds a note or a photo from the scene to the assignment’s log' })
  async addAssignmentNote(@Arg('id', () => ID) id: string, @Arg('input', () => AssignmentNoteInput) input: AssignmentNoteInput, @Ctx() ctx: DispatchContext) {
    if (!input.note && !input.photoUrl) throw badInput('A note or a photo is required', [{ field: 'note', message: 'give a note or a photoUrl' }]);
    return inTransaction(ctx.em, async (em) => {
      const assignment = await em.findOne(Assignment, { id: requireId(id, 'id') });
      if (!assignment) throw notFound('Assignment', id);
      if (!hasRole(ctx.identity, Role.OPERATOR) && !isCrew(ctx.identity, assignment.fieldUnitId)) throw forbidden('Only the crew of the unit adds notes');
      log(em, ctx, assignment, ctx.clock.now(), 'note', assignment.state, input.note ?? null, input.photoUrl ?? null);
      return assignment;
    });
  }

  @Authorized(Role.FIELD_OFFICER, Role.SYSTEM)
  @Mutation(() => Int, { description: 'Stores a batch of positions of a unit (its crew’s app or its tracker); returns how many' })
  async reportPositions(@Arg('input', () => ReportPositionsInput) input: ReportPositionsInput, @Ctx() ctx: DispatchContext) {
    const unitId = requireId(input.fieldUnitId, 'fieldUnitId');
    if (!hasRole(ctx.identity, Role.SYSTEM) && !isCrew(ctx.identity, unitId)) throw forbidden('A crew reports its own unit’s positions');
    if (hasRole(ctx.identity, Role.SYSTEM)) await fieldUnitFacts(ctx, unitId, 'fieldUnitId');
    const now = ctx.clock.now();
    return inTransaction(ctx.em, async (em) => {
      const rows = input.positions.map((p) => ({ fieldUnitId: unitId, latitude: p.latitude, longitude: p.longitude, at: p.at, speedKmh: p.speedKmh ?? null, heading: p.heading ?? null }));
      await (em as SqlEntityManager).insertMany(PositionReport, rows.map((row) => Object.assign(new PositionReport(), row)));
      const latest = rows.reduce((a, b) => (b.at > a.at ? b : a));
      const state = await lockUnitState(em, unitId, now);
      if (!state.positionAt || latest.at > state.positionAt) Object.assign(state, { latitude: latest.latitude, longitude: latest.longitude, positionAt: latest.at, updatedAt: now });
      return rows.length;
    });
  }

  @Authorized(Role.FIELD_OFFICER, Role.OPERATOR, Role.AGENCY_STAFF)
  @Mutation(() => UnitState, { description: 'Marks a unit available or out of service (no active assignment), or transporting / on scene while on scene' })
  async setUnitStatus(@Arg('input', () => SetUnitStatusInput) input: SetUnitStatusInput, @Ctx() ctx: DispatchContext) {
    const unitId = requireId(input.fieldUnitId, 'fieldUnitId');
    const unit = await fieldUnitFacts(ctx, unitId, 'fieldUnitId');
    if (!isCrew(ctx.identity, unitId) && !mayDispatch(ctx.identity, unit.agencyId)) throw forbidden('Only the crew, its agency or the center set a unit’s status');
    const now = ctx.clock.now();
    return inTransaction(ctx.em, async (em) => {
      const state = await lockUnitState(em, unitId, now);
      const active = state.activeAssignmentId ? await em.findOneOrFail(Assignment, state.activeAssignmentId) : null;
      const allowed = active
        ? active.state === AssignmentState.ON_SCENE && [UnitStatus.TRANSPORTING, UnitStatus.ON_SCENE].includes(input.status)
        : [UnitStatus.AVAILABLE, UnitStatus.OUT_OF_SERVICE].includes(input.status);
      if (!allowed) throw conflict(`A unit ${active ? `with an assignment ${active.state}` : 'without an assignment'} cannot be set ${input.status}`);
      Object.assign(state, { status: input.status, updatedAt: now });
      return state;
    });
  }
}
