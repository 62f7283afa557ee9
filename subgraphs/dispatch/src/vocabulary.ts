import { registerEnumType } from 'type-graphql';

/** What a field unit is doing, as its crew and the center see it. */
export enum UnitStatus {
  AVAILABLE = 'AVAILABLE',
  DISPATCHED = 'DISPATCHED',
  EN_ROUTE = 'EN_ROUTE',
  ON_SCENE = 'ON_SCENE',
  TRANSPORTING = 'TRANSPORTING',
  OUT_OF_SERVICE = 'OUT_OF_SERVICE',
}
registerEnumType(UnitStatus, { name: 'UnitStatus', description: 'Sẵn sàng, đã điều động, đang di chuyển, có mặt tại hiện trường, đang vận chuyển (bệnh nhân), ngừng hoạt động' });

/** An assignment of a field unit to an incident (xử lý tức thời). */
export enum AssignmentState {
  DISPATCHED = 'DISPATCHED',
  ACCEPTED = 'ACCEPTED',
  EN_ROUTE = 'EN_ROUTE',
  ON_SCENE = 'ON_SCENE',
  CLEARED = 'CLEARED',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(AssignmentState, { name: 'AssignmentState', description: 'Điều động, đã nhận lệnh, đang di chuyển, có mặt, hoàn thành; từ chối hoặc hủy' });

/** States in which the unit is held by the assignment. */
export const ACTIVE_ASSIGNMENT_STATES = [AssignmentState.DISPATCHED, AssignmentState.ACCEPTED, AssignmentState.EN_ROUTE, AssignmentState.ON_SCENE];
