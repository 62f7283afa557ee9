/**
 * The hub's enum values (as the graph names them) and the words CAP 1.2 requires for them. A value
 * the hub adds without a CAP word here fails the build of the maps below.
 */

export type CapStatusValue = 'ACTUAL' | 'EXERCISE';
export type CapMsgTypeValue = 'ALERT' | 'UPDATE' | 'CANCEL';
export type CapCategoryValue =
  'GEO' | 'MET' | 'SAFETY' | 'SECURITY' | 'RESCUE' | 'FIRE' | 'HEALTH' | 'ENV' | 'TRANSPORT' | 'INFRA' | 'CBRNE' | 'OTHER';
export type CapResponseTypeValue = 'SHELTER' | 'EVACUATE' | 'PREPARE' | 'EXECUTE' | 'AVOID' | 'MONITOR' | 'ASSESS' | 'ALL_CLEAR' | 'NONE';
export type CapUrgencyValue = 'IMMEDIATE' | 'EXPECTED' | 'FUTURE' | 'PAST' | 'UNKNOWN';
export type CapSeverityValue = 'EXTREME' | 'SEVERE' | 'MODERATE' | 'MINOR' | 'UNKNOWN';
export type CapCertaintyValue = 'OBSERVED' | 'LIKELY' | 'POSSIBLE' | 'UNLIKELY' | 'UNKNOWN';

export const CAP_STATUS: Record<CapStatusValue, string> = { ACTUAL: 'Actual', EXERCISE: 'Exercise' };
export const CAP_MSG_TYPE: Record<CapMsgTypeValue, string> = { ALERT: 'Alert', UPDATE: 'Update', CANCEL: 'Cancel' };
export const CAP_CATEGORY: Record<CapCategoryValue, string> = {
  GEO: 'Geo',
  MET: 'Met',
  SAFETY: 'Safety',
  SECURITY: 'Security',
  RESCUE: 'Rescue',
  FIRE: 'Fire',
  HEALTH: 'Health',
  ENV: 'Env',
  TRANSPORT: 'Transport',
  INFRA: 'Infra',
  CBRNE: 'CBRNE',
  OTHER: 'Other',
};
export const CAP_RESPONSE_TYPE: Record<CapResponseTypeValue, string> = {
  SHELTER: 'Shelter',
  EVACUATE: 'Evacuate',
  PREPARE: 'Prepare',
  EXECUTE: 'Execute',
  AVOID: 'Avoid',
  MONITOR: 'Monitor',
  ASSESS: 'Assess',
  ALL_CLEAR: 'AllClear',
  NONE: 'None',
};
export const CAP_URGENCY: Record<CapUrgencyValue, string> = {
  IMMEDIATE: 'Immediate',
  EXPECTED: 'Expected',
  FUTURE: 'Future',
  PAST: 'Past',
  UNKNOWN: 'Unknown',
};
export const CAP_SEVERITY: Record<CapSeverityValue, string> = {
  EXTREME: 'Extreme',
  SEVERE: 'Severe',
  MODERATE: 'Moderate',
  MINOR: 'Minor',
  UNKNOWN: 'Unknown',
};
export const CAP_CERTAINTY: Record<CapCertaintyValue, string> = {
  OBSERVED: 'Observed',
  LIKELY: 'Likely',
  POSSIBLE: 'Possible',
  UNLIKELY: 'Unlikely',
  UNKNOWN: 'Unknown',
};
