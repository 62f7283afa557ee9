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
registerEnumType(UnitStatus, {
  name: 'UnitStatus',
  description: 'What a field unit is doing now (trạng thái lực lượng), as its crew and the center see it',
  valuesConfig: {
    AVAILABLE: { description: 'Ready to be dispatched (sẵn sàng)' },
    DISPATCHED: { description: 'Dispatched, crew has not yet set off (đã điều động)' },
    EN_ROUTE: { description: 'On the way to the scene (đang di chuyển)' },
    ON_SCENE: { description: 'At the scene (có mặt tại hiện trường)' },
    TRANSPORTING: { description: 'Carrying a patient or casualty to hospital (đang vận chuyển bệnh nhân)' },
    OUT_OF_SERVICE: { description: 'Not available: maintenance, off duty (ngừng hoạt động)' },
  },
});

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
registerEnumType(AssignmentState, {
  name: 'AssignmentState',
  description: 'Where an assignment of a field unit to an incident stands (trạng thái điều động)',
  valuesConfig: {
    DISPATCHED: { description: 'The center or agency sent the unit; the crew has not answered yet (điều động)' },
    ACCEPTED: { description: 'The crew took the dispatch (đã nhận lệnh)' },
    EN_ROUTE: { description: 'The unit is on its way (đang di chuyển)' },
    ON_SCENE: { description: 'The unit is at the scene (có mặt)' },
    CLEARED: { description: 'The unit finished at the scene and is free again (hoàn thành)' },
    DECLINED: { description: 'The crew refused the dispatch, with a reason (từ chối)' },
    CANCELLED: { description: 'The dispatcher called the unit off, with a reason (hủy)' },
  },
});

/** States in which the unit is held by the assignment. */
export const ACTIVE_ASSIGNMENT_STATES = [
  AssignmentState.DISPATCHED,
  AssignmentState.ACCEPTED,
  AssignmentState.EN_ROUTE,
  AssignmentState.ON_SCENE,
];
