import { conflict } from '@ioc-graph/platform';
import { registerEnumType } from 'type-graphql';
import type { Transition } from '../transitions';

/** An operation is active until the leader stands it down. */
export enum OperationState {
  ACTIVE = 'ACTIVE',
  STOOD_DOWN = 'STOOD_DOWN',
}
registerEnumType(OperationState, { name: 'OperationState', description: 'Đang kích hoạt, đã kết thúc (stand-down)' });

/** The steps of an operation after its activation. */
export type OperationAction = 'advancePhase' | 'standDownOperation';

const S = OperationState;

/**
 * An operation's life as a table. Activation creates it ACTIVE; the center moves it through the
 * playbook's phases; only the leader stands it down. Nothing else changes its state.
 */
export const OPERATION_TRANSITIONS: Record<OperationAction, Transition<OperationState>> = {
  advancePhase: { from: [S.ACTIVE], to: S.ACTIVE, actor: 'center' },
  standDownOperation: { from: [S.ACTIVE], to: S.STOOD_DOWN, actor: 'leader' },
};

/** Tasks, directives, resources and reports change only while their operation is active. */
export function assertActive(operation: { state: OperationState; code: string }): void {
  if (operation.state !== S.ACTIVE) throw conflict(`Operation ${operation.code} is ${operation.state}: nothing more can be done in it`, { state: operation.state });
}
