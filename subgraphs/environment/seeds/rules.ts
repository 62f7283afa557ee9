import { Comparison, RuleAggregate, Severity, StationThreshold, type Rule } from '../src/rule/rule';

/**
 * The default rules of the environment sector (kept simple: see src/rule/evaluate.ts for how they are
 * judged): AQI above 150 for an hour; the water level of a gauge above its own alarm level II (one
 * step more severe above alarm III); rainfall over 100 mm in 3 hours (heavy rain, waterlogging risk).
 */
export const defaultRules: Omit<Rule, 'id'>[] = [
  {
    code: 'AQI_ABOVE_150',
    nameVi: 'AQI vượt 150 (Xấu) trong 1 giờ',
    metric: 'AQI',
    aggregate: RuleAggregate.AVERAGE,
    comparison: Comparison.ABOVE,
    threshold: 150,
    thresholdFromStation: null,
    escalationThreshold: 300,
    escalationFromStation: null,
    durationMinutes: 60,
    severity: Severity.SEVERE,
    categoryCode: 'ENV_AQI_EXCEEDANCE',
    unitId: null,
    active: true,
  },
  {
    code: 'WATER_LEVEL_ALARM_II',
    nameVi: 'Mực nước vượt báo động II',
    metric: 'WATER_LEVEL',
    aggregate: RuleAggregate.AVERAGE,
    comparison: Comparison.ABOVE,
    threshold: null,
    thresholdFromStation: StationThreshold.ALARM_II,
    escalationThreshold: null,
    escalationFromStation: StationThreshold.ALARM_III,
    durationMinutes: 0,
    severity: Severity.SEVERE,
    categoryCode: 'EMG_WATER_LEVEL_ALARM',
    unitId: null,
    active: true,
  },
  {
    code: 'HEAVY_RAIN_100MM_3H',
    nameVi: 'Mưa lớn: trên 100 mm trong 3 giờ',
    metric: 'RAINFALL',
    aggregate: RuleAggregate.SUM,
    comparison: Comparison.ABOVE,
    threshold: 100,
    thresholdFromStation: null,
    escalationThreshold: 200,
    escalationFromStation: null,
    durationMinutes: 180,
    severity: Severity.MODERATE,
    categoryCode: 'URB_FLOODING',
    unitId: null,
    active: true,
  },
];
