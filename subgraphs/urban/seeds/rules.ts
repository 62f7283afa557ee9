import { UrbanRuleKind, type UrbanRule } from '../src/rule/rule';
import { Severity } from '../src/vocabulary';

/**
 * The default rules of the urban sector (judged in src/rule/evaluate.ts): more than 5 failed lamps on a
 * circuit, a lighting cabinet silent for an hour (both URB_STREET_LIGHT_BROKEN, for the lighting
 * contractor), a collection point not collected on its scheduled day (ENV_UNCOLLECTED_WASTE, a TIMED
 * alert in the point's ward or commune, for its urban-order team).
 */
export const defaultRules: Omit<UrbanRule, 'id'>[] = [
  {
    code: 'LAMPS_FAILED_5',
    nameVi: 'Lộ chiếu sáng có trên 5 bóng đèn hỏng',
    kind: UrbanRuleKind.LAMPS_FAILED,
    threshold: 5,
    durationMinutes: 0,
    severity: Severity.MINOR,
    categoryCode: 'URB_STREET_LIGHT_BROKEN',
    active: true,
  },
  {
    code: 'CABINET_OFFLINE_60M',
    nameVi: 'Tủ chiếu sáng mất kết nối 60 phút',
    kind: UrbanRuleKind.CABINET_OFFLINE,
    threshold: 0,
    durationMinutes: 60,
    severity: Severity.MINOR,
    categoryCode: 'URB_STREET_LIGHT_BROKEN',
    active: true,
  },
  {
    code: 'WASTE_UNCOLLECTED_DAY',
    nameVi: 'Điểm tập kết rác không được thu gom đúng ngày theo lịch',
    kind: UrbanRuleKind.WASTE_UNCOLLECTED,
    threshold: 0,
    durationMinutes: 0,
    severity: Severity.MINOR,
    categoryCode: 'ENV_UNCOLLECTED_WASTE',
    active: true,
  },
];
