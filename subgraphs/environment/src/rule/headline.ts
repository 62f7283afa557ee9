import { aqiCategory } from '../aqi/vnAqi';
import type { Station } from '../station/station';
import { AQI, RuleAggregate, ruleHours, StationThreshold, type Rule } from './rule';

const LEVEL_NAME: Record<StationThreshold, string> = { ALARM_I: 'báo động I', ALARM_II: 'báo động II', ALARM_III: 'báo động III' };

/** A number the Vietnamese way (decimal comma), with at most `digits` decimals. */
export const formatNumber = (v: number, digits = 1) => v.toLocaleString('vi-VN', { maximumFractionDigits: digits });

/** The station's name without a trailing parenthesis (the operator: "… Đồng Xoài (Sở TN&MT)"). */
const placeName = (station: Station) => station.nameVi.replace(/\s*\([^)]*\)\s*$/, '');

/** The alert's headline for a breach of a rule at a station (its opening, worsening, or its end). */
export function breachHeadline(rule: Rule, station: Station, value: number, threshold: number, ended: boolean): string {
  const num = formatNumber;
  const at = `tại ${placeName(station)}`;
  if (rule.metric === AQI) {
    const text = `AQI ${Math.round(value)} (${aqiCategory(Math.round(value)).nameVi}) ${at}`;
    return ended ? `Hết vượt ngưỡng AQI ${num(threshold, 0)}: ${text}` : text;
  }
  if (rule.metric === 'WATER_LEVEL') {
    const level = rule.thresholdFromStation
      ? `${LEVEL_NAME[rule.thresholdFromStation]} (${num(threshold, 2)} m)`
      : `${num(threshold, 2)} m`;
    return ended ? `Mực nước về dưới ${level} ${at}: ${num(value, 2)} m` : `Mực nước ${num(value, 2)} m vượt ${level} ${at}`;
  }
  if (rule.metric === 'RAINFALL' && rule.aggregate === RuleAggregate.SUM) {
    const text = `Mưa lớn ${num(value)} mm trong ${ruleHours(rule)} giờ ${at}`;
    return ended ? `Hết mưa lớn ${at}: ${num(value)} mm trong ${ruleHours(rule)} giờ` : text;
  }
  return ended
    ? `${rule.metric} về dưới ngưỡng ${num(threshold)} ${at}: ${num(value)}`
    : `${rule.metric} ${num(value)} vượt ngưỡng ${num(threshold)} ${at}`;
}
