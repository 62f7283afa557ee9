import type { AppError } from '../errors';
import { checkTransition, type TransitionTable } from './transitions';

type LampState = 'OFF' | 'ON' | 'BROKEN';
type LampAction = 'switchOn' | 'switchOff' | 'repair';
type LampActor = 'anyone' | 'electrician';

const LAMP: TransitionTable<LampAction, LampState, LampActor> = {
  switchOn: { from: ['OFF'], to: 'ON', actor: 'anyone' },
  switchOff: { from: ['ON'], to: 'OFF', actor: 'anyone' },
  repair: { from: ['BROKEN'], to: 'OFF', actor: 'electrician' },
};
const WHO: Record<LampActor, string> = { anyone: 'anyone at all', electrician: 'the electrician' };

/** The state a step leads to, or the error it is refused with (code and message). */
function step(action: LampAction, state: LampState, actors: LampActor[]): string {
  try {
    return checkTransition(LAMP, action, state, (actor) => actors.includes(actor), WHO);
  } catch (error) {
    return `${(error as AppError).code}: ${(error as AppError).message}`;
  }
}

describe('checkTransition', () => {
  it('returns the state the action leads to when the actor may act and the state allows it', () => {
    expect(step('switchOn', 'OFF', ['anyone'])).toBe('ON');
    expect(step('repair', 'BROKEN', ['electrician'])).toBe('OFF');
  });

  it('refuses with CONFLICT when the current state does not allow the action, naming the allowed states', () => {
    expect(step('switchOff', 'OFF', ['anyone'])).toBe('CONFLICT: switchOff is not possible in state OFF');
    try {
      checkTransition(LAMP, 'repair', 'ON', () => true, WHO);
      throw new Error('not refused');
    } catch (error) {
      expect((error as AppError).extensions).toMatchObject({ state: 'ON', allowedFrom: ['BROKEN'] });
    }
  });

  it('refuses with FORBIDDEN, in the subgraph’s words, when the caller may not act as the row’s actor', () => {
    expect(step('repair', 'BROKEN', ['anyone'])).toBe('FORBIDDEN: Only the electrician may repair');
  });

  it('checks who before the state: a stranger learns nothing about the state', () => {
    expect(step('repair', 'ON', [])).toBe('FORBIDDEN: Only the electrician may repair');
  });

  it('asks mayAct about the row’s actor only', () => {
    const asked: LampActor[] = [];
    checkTransition(LAMP, 'switchOn', 'OFF', (actor) => (asked.push(actor), true), WHO);
    expect(asked).toEqual(['anyone']);
  });
});
