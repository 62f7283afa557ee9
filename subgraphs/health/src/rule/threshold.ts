import type { HealthRule } from './rule';

/** A commune's epidemic threshold for one week, and how it was set (for the alert's description). */
export interface EpidemicThreshold {
  value: number;
  basis: string;
}

/**
 * The epidemic threshold of a week (ngưỡng dịch): the mean of the same ISO week's cases over the
 * previous `baselineYears` ISO years plus two (sample) standard deviations, when the commune has at
 * least `minBaselineYears` of those years in its history (a year counts when the commune reported the
 * disease in it at all, a week without a report as 0); else the rule's fixed threshold; null without either.
 */
export function epidemicThreshold(
  rule: Pick<HealthRule, 'threshold' | 'baselineYears' | 'minBaselineYears'>,
  isoYear: number,
  history: readonly { year: number; cases: number }[],
): EpidemicThreshold | null {
  const years = rule.baselineYears ? history.filter((h) => h.year < isoYear && h.year >= isoYear - rule.baselineYears!) : [];
  if (rule.baselineYears && years.length >= Math.max(2, rule.minBaselineYears)) {
    const mean = years.reduce((s, h) => s + h.cases, 0) / years.length;
    const variance = years.reduce((s, h) => s + (h.cases - mean) ** 2, 0) / (years.length - 1);
    return { value: mean + 2 * Math.sqrt(variance), basis: `trung bình ${years.length} năm + 2 độ lệch chuẩn` };
  }
  return rule.threshold === null ? null : { value: rule.threshold, basis: 'ngưỡng cố định' };
}
