import { conflict, forbidden, hasRole, Role, type Identity } from '@ioc-graph/platform';

/**
 * Who may take a step: the leader (lãnh đạo, who directs), the center (leaders and operators), the
 * agency a task is assigned to, or an addressee of a directive.
 */
export type Actor = 'leader' | 'center' | 'assignedAgency' | 'addressee';

/** A row of a transition table: the states an action may start from, where it leads, who takes it. */
export interface Transition<S extends string> {
  from: readonly S[];
  to: S;
  actor: Actor;
}

const WHO: Record<Actor, string> = {
  leader: 'the leader',
  center: 'the center’s leaders and operators',
  assignedAgency: 'the agency the task is assigned to',
  addressee: 'an addressee of the directive',
};

/**
 * Checks a step against its transition table and returns the target state. FORBIDDEN when the caller
 * may not act as the step's actor; CONFLICT when the current state does not allow the step.
 */
export function checkTransition<A extends string, S extends string>(
  table: Record<A, Transition<S>>,
  action: A,
  state: S,
  mayAct: (actor: Actor) => boolean,
): S {
  const transition = table[action];
  if (!mayAct(transition.actor)) throw forbidden(`Only ${WHO[transition.actor]} may ${action}`);
  if (!transition.from.includes(state)) throw conflict(`${action} is not possible in state ${state}`, { state, allowedFrom: transition.from });
  return transition.to;
}

/**
 * Whether `identity` acts as `actor` for a subject held by `agencyId`. An agency acts through any of
 * its people with a working role: the operations center's own tasks are done by its operators.
 */
export function actsAs(identity: Identity, actor: Actor, agencyId: string | null = null): boolean {
  switch (actor) {
    case 'leader':
      return hasRole(identity, Role.LEADER);
    case 'center':
      return hasRole(identity, Role.LEADER, Role.OPERATOR);
    case 'assignedAgency':
      return agencyId !== null && identity.agencyId === agencyId && hasRole(identity, Role.AGENCY_STAFF, Role.OPERATOR, Role.LEADER);
    case 'addressee':
      return false;
  }
}
