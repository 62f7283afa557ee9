import { conflict, forbidden } from '../errors';

/**
 * A row of a transition table: the states an action may start from, the state it leads to, and the
 * kind of actor who takes it. `K` is the subgraph's own vocabulary of actors (`center`,
 * `assignedAgency`, `crew`…); a row may carry more (dispatch's time stamp), which the check ignores.
 */
export interface Transition<S extends string, K extends string> {
  from: readonly S[];
  to: S;
  actor: K;
}

/** A state machine as data: each action and its transition. Nothing else changes the state. */
export type TransitionTable<A extends string, S extends string, K extends string> = Record<A, Transition<S, K>>;

/**
 * Checks a step against its transition table and returns the state it leads to. Who is checked
 * first: FORBIDDEN (`Only <who[kind]> may <action>`) when `mayAct` refuses the row's actor; then the
 * state: CONFLICT, with `state` and `allowedFrom` in its extensions, when the current state does not
 * allow the action.
 *
 * @param who how the subgraph names each kind of actor in the FORBIDDEN message, e.g.
 *   `{ center: 'the center (leaders and operators)' }`.
 */
export function checkTransition<A extends string, S extends string, K extends string>(
  table: TransitionTable<A, S, K>,
  action: A,
  state: S,
  mayAct: (actor: K) => boolean,
  who: Record<K, string>,
): S {
  const transition = table[action];
  if (!mayAct(transition.actor)) throw forbidden(`Only ${who[transition.actor]} may ${action}`);
  if (!transition.from.includes(state))
    throw conflict(`${action} is not possible in state ${state}`, { state, allowedFrom: transition.from });
  return transition.to;
}
