import { RuleComparison, Severity } from '@ioc-graph/platform';
import { HealthMetric, type HealthRule } from '../src/rule/rule';
import { Disease } from '../src/vocabulary';

const OUTBREAK = 'HLT_DISEASE_OUTBREAK';
const OVERLOAD = 'HLT_FACILITY_OVERLOAD';
const rule = (r: Partial<Omit<HealthRule, 'id'>> & Pick<HealthRule, 'code' | 'nameVi' | 'metric' | 'severity' | 'categoryCode'>) => ({
  comparison: RuleComparison.ABOVE,
  threshold: null,
  durationMinutes: 0,
  unitId: null,
  active: true,
  disease: null,
  baselineYears: null,
  minBaselineYears: 3,
  ...r,
});

/**
 * The default rules of the health sector: a commune's weekly cases above its epidemic threshold (dengue:
 * mean of the same week over 5 years + 2 SD, else 10; hand-foot-mouth over 10; measles from 3 cases;
 * COVID-19 over 30), a facility's bed occupancy above 95 % for 6 hours, its emergency queue above 20
 * patients for 30 minutes.
 */
export const defaultRules: Omit<HealthRule, 'id'>[] = [
  rule({
    code: 'DENGUE_EPIDEMIC_THRESHOLD',
    nameVi: 'Sốt xuất huyết: số ca trong tuần vượt ngưỡng dịch (trung bình 5 năm + 2 độ lệch chuẩn)',
    metric: HealthMetric.WEEKLY_CASES,
    disease: Disease.DENGUE,
    threshold: 10,
    baselineYears: 5,
    severity: Severity.SEVERE,
    categoryCode: OUTBREAK,
  }),
  rule({
    code: 'HFMD_WEEKLY_ABOVE_10',
    nameVi: 'Tay chân miệng: trên 10 ca trong tuần tại một xã, phường',
    metric: HealthMetric.WEEKLY_CASES,
    disease: Disease.HAND_FOOT_MOUTH,
    threshold: 10,
    severity: Severity.MODERATE,
    categoryCode: OUTBREAK,
  }),
  rule({
    code: 'MEASLES_CLUSTER',
    nameVi: 'Sởi: từ 3 ca trong tuần tại một xã, phường',
    metric: HealthMetric.WEEKLY_CASES,
    disease: Disease.MEASLES,
    threshold: 2,
    severity: Severity.SEVERE,
    categoryCode: OUTBREAK,
  }),
  rule({
    code: 'COVID19_WEEKLY_ABOVE_30',
    nameVi: 'COVID-19: trên 30 ca trong tuần tại một xã, phường',
    metric: HealthMetric.WEEKLY_CASES,
    disease: Disease.COVID_19,
    threshold: 30,
    severity: Severity.MODERATE,
    categoryCode: OUTBREAK,
  }),
  rule({
    code: 'BED_OCCUPANCY_95_6H',
    nameVi: 'Công suất giường bệnh trên 95% trong 6 giờ',
    metric: HealthMetric.BED_OCCUPANCY,
    threshold: 95,
    durationMinutes: 360,
    severity: Severity.MODERATE,
    categoryCode: OVERLOAD,
  }),
  rule({
    code: 'EMERGENCY_WAITING_20_30M',
    nameVi: 'Trên 20 bệnh nhân chờ cấp cứu trong 30 phút',
    metric: HealthMetric.EMERGENCY_WAITING,
    threshold: 20,
    durationMinutes: 30,
    severity: Severity.SEVERE,
    categoryCode: OVERLOAD,
  }),
];
