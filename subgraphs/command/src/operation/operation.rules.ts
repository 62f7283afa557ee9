import { conflict, hasRole, isCenter, Role, type Identity, type StepTransition, type TransitionTable } from '@ioc-graph/platform';
import { registerEnumType } from 'type-graphql';

/**
 * Who may take a step of an operation, a task, a resource or a directive: the leader (lãnh đạo, who
 * directs), the center (leaders and operators), the agency a task is assigned to, or an addressee of
 * a directive.
 */
export type CommandActor = 'leader' | 'center' | 'assignedAgency' | 'addressee';

/** How FORBIDDEN names each actor. */
export const COMMAND_ACTORS: Record<CommandActor, string> = {
  leader: 'the leader',
  center: 'the center’s leaders and operators',
  assignedAgency: 'the agency the task is assigned to',
  addressee: 'an addressee of the directive',
};

/**
 * Whether `identity` acts as `actor` for a subject held by `agencyId`. An agency acts through any of
 * its people with a working role: the operations center's own tasks are done by its operators.
 * Addressees are found by the directive step itself (see acknowledgeDirective).
 */
export function actsAs(identity: Identity, actor: CommandActor, agencyId: string | null = null): boolean {
  switch (actor) {
    case 'leader':
      return hasRole(identity, Role.LEADER);
    case 'center':
      return isCenter(identity);
    case 'assignedAgency':
      return agencyId !== null && identity.agencyId === agencyId && hasRole(identity, Role.AGENCY_STAFF, Role.OPERATOR, Role.LEADER);
    case 'addressee':
      return false;
  }
}

/** A command state machine as `takeStep` checks it for `identity`; `agencyOf` names the subject's agency, if any. */
export function commandTransition<T, A extends string, S extends string>(
  identity: Identity,
  table: TransitionTable<A, S, CommandActor>,
  agencyOf: (subject: T) => string | null = () => null,
): StepTransition<T, A, S, CommandActor> {
  return { table, who: COMMAND_ACTORS, mayAct: (actor, subject) => actsAs(identity, actor, agencyOf(subject)) };
}

/** An operation is active until the leader stands it down. */
export enum OperationState {
  ACTIVE = 'ACTIVE',
  STOOD_DOWN = 'STOOD_DOWN',
}
registerEnumType(OperationState, {
  name: 'OperationState',
  description: 'Where an emergency operation stands (trạng thái hoạt động chỉ huy)',
  valuesConfig: {
    ACTIVE: { description: 'Activated and running; its phases advance, tasks, directives and resources change (đang kích hoạt)' },
    STOOD_DOWN: {
      description: 'Stood down by the leader: open tasks cancelled, resources released, nothing more can change (đã kết thúc)',
    },
  },
});

/** The steps of an operation after its activation. */
export type OperationAction = 'advancePhase' | 'standDownOperation';

const S = OperationState;

/**
 * An operation's life as a table. Activation creates it ACTIVE; the center moves it through the
 * playbook's phases; only the leader stands it down. Nothing else changes its state.
 */
export const OPERATION_TRANSITIONS: TransitionTable<OperationAction, OperationState, CommandActor> = {
  advancePhase: { from: [S.ACTIVE], to: S.ACTIVE, actor: 'center' },
  standDownOperation: { from: [S.ACTIVE], to: S.STOOD_DOWN, actor: 'leader' },
};

/** Tasks, directives, resources and reports change only while their operation is active. */
export function assertActive(operation: { state: OperationState; code: string }): void {
  if (operation.state !== S.ACTIVE)
    throw conflict(`Operation ${operation.code} is ${operation.state}: nothing more can be done in it`, { state: operation.state });
}
