import { registerEnumType } from 'type-graphql';

/** The province's sectors; each sector system reports alerts in its own categories. */
export enum Sector {
  SECURITY = 'SECURITY',
  URBAN_ORDER = 'URBAN_ORDER',
  EMERGENCY = 'EMERGENCY',
  E_GOVERNMENT = 'E_GOVERNMENT',
  TRAFFIC = 'TRAFFIC',
  ENVIRONMENT = 'ENVIRONMENT',
  HEALTH = 'HEALTH',
}
registerEnumType(Sector, {
  name: 'Sector',
  description: 'An ninh trật tự, trật tự đô thị, cứu nạn cứu hộ & PCCC, chính quyền số, giao thông, môi trường, y tế',
});

/** How an incident is handled (DESIGN.md, "The three processes"). */
export enum Process {
  /** Quy trình xử lý có thời gian: assigned to an agency with a deadline, moderated, published. */
  TIMED = 'TIMED',
  /** Xử lý tức thời: field units dispatched to the scene. */
  IMMEDIATE = 'IMMEDIATE',
  /** Hỗ trợ chỉ huy: an emergency operation directed from the center. */
  COMMAND = 'COMMAND',
}
registerEnumType(Process, { name: 'Process', description: 'Time-bound handling, immediate handling, or command support' });

/** CAP 1.2 severity, shared by every subgraph. */
export { Severity } from '@ioc-graph/platform';

/** CAP 1.2 urgency. */
export enum Urgency {
  IMMEDIATE = 'IMMEDIATE',
  EXPECTED = 'EXPECTED',
  FUTURE = 'FUTURE',
  PAST = 'PAST',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(Urgency, { name: 'Urgency', description: 'CAP 1.2 urgency' });

/** CAP 1.2 certainty. */
export enum Certainty {
  OBSERVED = 'OBSERVED',
  LIKELY = 'LIKELY',
  POSSIBLE = 'POSSIBLE',
  UNLIKELY = 'UNLIKELY',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(Certainty, { name: 'Certainty', description: 'CAP 1.2 certainty' });

/** CAP 1.2 status, narrowed: drills never count in statistics. */
export enum AlertStatus {
  ACTUAL = 'ACTUAL',
  EXERCISE = 'EXERCISE',
}
registerEnumType(AlertStatus, { name: 'AlertStatus', description: 'A real event, or a drill (diễn tập) that never counts in statistics' });
