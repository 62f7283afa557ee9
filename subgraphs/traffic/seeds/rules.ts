import { TrafficRuleKind, type TrafficRule } from '../src/rule/rule';
import { Severity } from '../src/vocabulary';

/**
 * The default rules of the traffic sector (judged in src/rule/evaluate.ts): an accident seen by a camera
 * with confidence at least 0.8 (the alert follows the IMMEDIATE process of TRF_ACCIDENT); congestion
 * level 4 or more on a segment for 20 minutes; a camera not heard from for 15 minutes is OFFLINE (a camera
 * that was ONLINE raises a TRF_CAMERA_OFFLINE alert, ended when it is heard from again).
 */
export const defaultRules: Omit<TrafficRule, 'id'>[] = [
  {
    code: 'ACCIDENT_CONFIDENT',
    nameVi: 'Camera phát hiện tai nạn (độ tin cậy ≥ 0,8)',
    kind: TrafficRuleKind.ACCIDENT,
    threshold: 0.8,
    durationMinutes: 0,
    clearAfterMinutes: 30,
    severity: Severity.SEVERE,
    categoryCode: 'TRF_ACCIDENT',
    active: true,
  },
  {
    code: 'CONGESTION_LEVEL4_20M',
    nameVi: 'Ùn tắc mức 4 trở lên trong 20 phút',
    kind: TrafficRuleKind.CONGESTION,
    threshold: 4,
    durationMinutes: 20,
    clearAfterMinutes: null,
    severity: Severity.MODERATE,
    categoryCode: 'TRF_CONGESTION',
    active: true,
  },
  {
    code: 'CAMERA_OFFLINE_15M',
    nameVi: 'Camera mất kết nối 15 phút',
    kind: TrafficRuleKind.CAMERA_OFFLINE,
    threshold: 0,
    durationMinutes: 15,
    clearAfterMinutes: null,
    severity: Severity.MINOR,
    categoryCode: 'TRF_CAMERA_OFFLINE',
    active: true,
  },
];
