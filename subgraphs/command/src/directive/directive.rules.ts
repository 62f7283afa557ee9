import { registerEnumType } from 'type-graphql';
import type { Transition } from '../transitions';

/** Whether an addressee has confirmed receiving a directive. */
export enum AcknowledgementState {
  PENDING = 'PENDING',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
}
registerEnumType(AcknowledgementState, { name: 'AcknowledgementState', description: 'Chờ xác nhận, đã xác nhận đã nhận chỉ đạo' });

/** The step of an addressee. */
export type AddresseeAction = 'acknowledgeDirective';

/** Each addressee of a directive confirms it once; nobody else can do it for them. */
export const ADDRESSEE_TRANSITIONS: Record<AddresseeAction, Transition<AcknowledgementState>> = {
  acknowledgeDirective: { from: [AcknowledgementState.PENDING], to: AcknowledgementState.ACKNOWLEDGED, actor: 'addressee' },
};
