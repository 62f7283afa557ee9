import { SEVERITY_ORDER, severityRank, type Severity } from '../vocabulary';
import { RuleAggregate, RuleComparison } from './sectorRule';

/**
 * The pure part of rule evaluation, shared by every sector: whether a rule is met over its duration,
 * and what that does to the breach open for the rule and subject. No database, no clock: tested alone.
 */

export const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
/** The longest window of hourly rollups a rule may look at (longer durations are capped to it). */
export const MAX_WINDOW_HOURS = 24;

/** The whole hours of rollup a duration covers: rounded up, at least the current hour, at most 24. */
export const windowHours = (durationMinutes: number, maxHours = MAX_WINDOW_HOURS) =>
  Math.min(maxHours, Math.max(1, Math.ceil(durationMinutes / 60)));

/** Whether a value breaks a threshold. */
export const breaks = (value: number, threshold: number, comparison: RuleComparison = RuleComparison.ABOVE) =>
  comparison === RuleComparison.ABOVE && value > threshold;

/** One CAP step more severe (EXTREME stays EXTREME): a breach past its escalation threshold. */
export const escalate = (severity: Severity): Severity => SEVERITY_ORDER[Math.min(severityRank(severity) + 1, SEVERITY_ORDER.length - 1)]!;

/** One hour of a series: its average and its sum. */
export interface HourValue {
  average: number;
  sum: number;
}

/** The outcome of a rule over a window of hours. */
export interface WindowJudgement {
  met: boolean;
  /** The latest hour's average (AVERAGE) or the window's sum (SUM). */
  value: number;
  /** The start of the window's first hour: where a breach opened now begins. */
  windowStart: Date;
}

/**
 * Judges a rule over the `hours` hours ending at the subject's latest hour (`latestHour`, ms):
 * - AVERAGE: every hour must be present and its average break the threshold; the value is the latest hour's;
 * - SUM: the sum over the hours (missing hours count 0) must break it.
 */
export function judgeHourlyWindow(
  series: ReadonlyMap<number, HourValue>,
  latestHour: number,
  rule: { hours: number; threshold: number; aggregate: RuleAggregate; comparison?: RuleComparison },
): WindowJudgement {
  const window = Array.from({ length: rule.hours }, (_, k) => series.get(latestHour - k * HOUR_MS));
  const windowStart = new Date(latestHour - (rule.hours - 1) * HOUR_MS);
  if (rule.aggregate === RuleAggregate.SUM) {
    const value = window.reduce((s, h) => s + (h?.sum ?? 0), 0);
    return { met: breaks(value, rule.threshold, rule.comparison), value, windowStart };
  }
  const value = window[0]?.average ?? NaN;
  return { met: window.every((h) => h !== undefined && breaks(h.average, rule.threshold, rule.comparison)), value, windowStart };
}

/** Whether a condition that began at `start` and still held at `latest` has lasted `durationMinutes`. */
export const lastedFor = (start: Date, latest: Date, durationMinutes: number) =>
  latest.getTime() - start.getTime() >= durationMinutes * MINUTE_MS;

/**
 * What a rule says about a subject now:
 * - `met`: the rule holds, with the value and severity seen, when the condition began and was last seen;
 * - `clear`: the subject is back within the rule (or the rule was switched off): an open breach closes,
 *   with `value` as its final measure when given;
 * - `pending`: neither (e.g. the condition holds but not yet for the duration): nothing changes.
 */
export type Verdict =
  | { state: 'met'; value: number; severity: Severity; startedAt: Date; seenAt: Date }
  | { state: 'clear'; value?: number; seenAt?: Date }
  | { state: 'pending' };

/** What a verdict does to the breach open for its rule and subject (undefined: none open). */
export type BreachChange = 'open' | 'extend' | 'worsen' | 'close' | 'none';

/** The change a verdict makes: open, extend (or worsen, when its severity rises), close, or nothing. */
export function breachChange(open: { severity: Severity } | undefined, verdict: Verdict): BreachChange {
  if (verdict.state === 'met') {
    if (!open) return 'open';
    return severityRank(verdict.severity) > severityRank(open.severity) ? 'worsen' : 'extend';
  }
  return verdict.state === 'clear' && open ? 'close' : 'none';
}

/** The state a breach keeps: what `extendBreach` and `closeBreach` change. */
export interface BreachState {
  startedAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
  peakValue: number;
  severity: Severity;
}

/** The fields of a breach a met verdict opens. */
export const openedBreach = (verdict: Extract<Verdict, { state: 'met' }>): BreachState => ({
  startedAt: verdict.startedAt,
  lastSeenAt: verdict.seenAt,
  endedAt: null,
  peakValue: verdict.value,
  severity: verdict.severity,
});

/** Extends an open breach by a met verdict: the earliest start, latest sighting, highest peak and severity. */
export function extendBreach(breach: BreachState, verdict: Extract<Verdict, { state: 'met' }>): void {
  if (verdict.startedAt < breach.startedAt) breach.startedAt = verdict.startedAt;
  if (verdict.seenAt > breach.lastSeenAt) breach.lastSeenAt = verdict.seenAt;
  breach.peakValue = Math.max(breach.peakValue, verdict.value);
  if (severityRank(verdict.severity) > severityRank(breach.severity)) breach.severity = verdict.severity;
}

/** Ends a breach at `now`, with its final measure and sighting when the verdict gives them. */
export function closeBreach(breach: BreachState, now: Date, verdict: Extract<Verdict, { state: 'clear' }> = { state: 'clear' }): void {
  breach.endedAt = now;
  if (verdict.seenAt && verdict.seenAt > breach.lastSeenAt) breach.lastSeenAt = verdict.seenAt;
  if (verdict.value !== undefined) breach.peakValue = Math.max(breach.peakValue, verdict.value);
}
