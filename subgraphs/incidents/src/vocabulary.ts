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
  description: 'Sector of the province’s work (lĩnh vực); each sector system reports alerts in its own categories',
  valuesConfig: {
    SECURITY: { description: 'Public security and order (an ninh trật tự)' },
    URBAN_ORDER: { description: 'Urban order (trật tự đô thị): construction, encroachment, waste' },
    EMERGENCY: { description: 'Rescue, fire prevention and fire fighting (cứu nạn cứu hộ & PCCC)' },
    E_GOVERNMENT: { description: 'Digital government services (chính quyền số)' },
    TRAFFIC: { description: 'Traffic (giao thông)' },
    ENVIRONMENT: { description: 'Environment (môi trường): air, water, noise, floods' },
    HEALTH: { description: 'Health (y tế)' },
  },
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
registerEnumType(Process, {
  name: 'Process',
  description: 'How an incident is handled (quy trình xử lý)',
  valuesConfig: {
    TIMED: {
      description:
        'Time-bound handling (quy trình xử lý có thời hạn): assigned to an agency with a deadline from the category’s SLA, moderated, published',
    },
    IMMEDIATE: { description: 'Immediate handling (xử lý tức thời): field units dispatched to the scene' },
    COMMAND: { description: 'Command support (hỗ trợ chỉ huy): an emergency operation directed from the center' },
  },
});

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
registerEnumType(Urgency, {
  name: 'Urgency',
  description: 'How soon to act (mức khẩn cấp), on the CAP 1.2 urgency scale',
  valuesConfig: {
    IMMEDIATE: { description: 'Act now (khẩn cấp)' },
    EXPECTED: { description: 'Act soon, within the next hour' },
    FUTURE: { description: 'Act in the near future' },
    PAST: { description: 'No longer needed: the event is over' },
    UNKNOWN: { description: 'Urgency not known' },
  },
});

/** CAP 1.2 certainty. */
export enum Certainty {
  OBSERVED = 'OBSERVED',
  LIKELY = 'LIKELY',
  POSSIBLE = 'POSSIBLE',
  UNLIKELY = 'UNLIKELY',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(Certainty, {
  name: 'Certainty',
  description: 'How sure the source is (độ tin cậy), on the CAP 1.2 certainty scale',
  valuesConfig: {
    OBSERVED: { description: 'Seen or measured to have happened (đã xác nhận)' },
    LIKELY: { description: 'Probability above about 50 %' },
    POSSIBLE: { description: 'Possible but not likely (about 50 % or less)' },
    UNLIKELY: { description: 'Not expected to happen' },
    UNKNOWN: { description: 'Certainty not known' },
  },
});

/** CAP 1.2 status, narrowed: drills never count in statistics. */
export enum AlertStatus {
  ACTUAL = 'ACTUAL',
  EXERCISE = 'EXERCISE',
}
registerEnumType(AlertStatus, {
  name: 'AlertStatus',
  description: 'Whether an alert or incident is real or a drill (diễn tập); drills never count in statistics and are never published',
  valuesConfig: {
    ACTUAL: { description: 'A real event (thực tế)' },
    EXERCISE: { description: 'A drill (diễn tập)' },
  },
});
