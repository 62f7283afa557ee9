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
  description: 'Vượt đèn đỏ, đi sai làn, quá tốc độ, đỗ xe sai quy định, tai nạn, ùn tắc (phát hiện qua camera)',
});

/** The kinds that are traffic violations (counted in `violationsToday`); accidents and congestion are events, not violations. */
export const VIOLATION_KINDS: readonly DetectionKind[] = [DetectionKind.RED_LIGHT, DetectionKind.WRONG_LANE, DetectionKind.SPEEDING, DetectionKind.ILLEGAL_PARKING];

/** Whether a camera has been heard from recently (see `CAMERA_OFFLINE` in seeds/rules.ts). */
export enum CameraStatus {
  ONLINE = 'ONLINE',
  OFFLINE = 'OFFLINE',
}
registerEnumType(CameraStatus, { name: 'CameraStatus', description: 'Camera đang hoạt động / mất kết nối' });

/** The bucket of a time series, aligned to Asia/Ho_Chi_Minh (shared by every subgraph). */
export { SeriesBucket as Bucket } from '@ioc-graph/platform';

export { Severity } from '@ioc-graph/platform';

/** The time zone of every bucket and of "today". */
export { LOCAL_TIME_ZONE as TIME_ZONE } from '@ioc-graph/platform';
