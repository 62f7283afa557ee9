import { registerEnumType } from 'type-graphql';

/** What a camera's analytics saw. */
export enum DetectionKind {
  RED_LIGHT = 'RED_LIGHT',
  WRONG_LANE = 'WRONG_LANE',
  SPEEDING = 'SPEEDING',
  ILLEGAL_PARKING = 'ILLEGAL_PARKING',
  ACCIDENT = 'ACCIDENT',
  CONGESTION = 'CONGESTION',
}
registerEnumType(DetectionKind, {
  name: 'DetectionKind',
  description:
    'What a camera’s analytics detected (loại phát hiện qua camera); the first four are violations, accidents and congestion are events',
  valuesConfig: {
    RED_LIGHT: { description: 'Running a red light (vượt đèn đỏ): a violation' },
    WRONG_LANE: { description: 'Driving in the wrong lane (đi sai làn): a violation' },
    SPEEDING: { description: 'Speeding (quá tốc độ): a violation' },
    ILLEGAL_PARKING: { description: 'Illegal parking (đỗ xe sai quy định): a violation' },
    ACCIDENT: { description: 'A road accident (tai nạn): an event, not a violation' },
    CONGESTION: { description: 'Congestion at the camera (ùn tắc): an event, not a violation' },
  },
});

/** The kinds that are traffic violations (counted in `violationsToday`); accidents and congestion are events, not violations. */
export const VIOLATION_KINDS: readonly DetectionKind[] = [
  DetectionKind.RED_LIGHT,
  DetectionKind.WRONG_LANE,
  DetectionKind.SPEEDING,
  DetectionKind.ILLEGAL_PARKING,
];

/** Whether a camera has been heard from recently (see `CAMERA_OFFLINE` in seeds/rules.ts). */
export enum CameraStatus {
  ONLINE = 'ONLINE',
  OFFLINE = 'OFFLINE',
}
registerEnumType(CameraStatus, {
  name: 'CameraStatus',
  description: 'Whether a camera has been heard from recently (trạng thái camera)',
  valuesConfig: {
    ONLINE: { description: 'Heard from (heartbeat or detection) within the CAMERA_OFFLINE rule’s minutes (đang hoạt động)' },
    OFFLINE: { description: 'Silent for longer, or never heard from (mất kết nối)' },
  },
});

/** The bucket of a time series, aligned to Asia/Ho_Chi_Minh (shared by every subgraph). */
export { SeriesBucket as Bucket } from '@ioc-graph/platform';

export { Severity } from '@ioc-graph/platform';
