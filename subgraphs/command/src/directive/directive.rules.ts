import { registerEnumType } from 'type-graphql';
import type { TransitionTable } from '@ioc-graph/platform';
import type { CommandActor } from '../operation/operation.rules';

/** Whether an addressee has confirmed receiving a directive. */
export enum AcknowledgementState {
  PENDING = 'PENDING',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
}
registerEnumType(AcknowledgementState, {
  name: 'AcknowledgementState',
  description: 'Whether an addressee has confirmed receiving a directive (trạng thái xác nhận chỉ đạo)',
  valuesConfig: {
    PENDING: { description: 'Not yet confirmed (chờ xác nhận)' },
    ACKNOWLEDGED: { description: 'Confirmed received by the addressee (đã xác nhận)' },
  },
});

/** The step of an addressee. */
export type AddresseeAction = 'acknowledgeDirective';

/** Each addressee of a directive confirms it once; nobody else can do it for them. */
export const ADDRESSEE_TRANSITIONS: TransitionTable<AddresseeAction, AcknowledgementState, CommandActor> = {
  acknowledgeDirective: { from: [AcknowledgementState.PENDING], to: AcknowledgementState.ACKNOWLEDGED, actor: 'addressee' },
};
