import type { Identity } from '../auth/identity';

/**
 * Who takes a step: a caller (its verified identity) or the follow-up scheduler, which acts on its own
 * clock for nobody in particular. Recorded by name in step logs, audit entries and outbox events.
 */
export type Actor = Identity | 'scheduler';

/** The name a step is recorded under: the token's subject, `scheduler`, or `public` for a caller without a token. */
export const actorOf = (actor: Actor): string => (actor === 'scheduler' ? 'scheduler' : (actor.subject ?? 'public'));

/** The roles the actor held when it acted (none for the scheduler and the public). */
export const rolesOf = (actor: Actor): string[] => (actor === 'scheduler' ? [] : [...actor.roles]);
