import type { SecurityRule } from '../src/rule/rule';
import { SecurityCategory, Severity } from '../src/vocabulary';

type RuleSeed = Omit<SecurityRule, 'id'>;

const hotspot = (over: Pick<RuleSeed, 'code' | 'nameVi' | 'categories' | 'categoryCode' | 'floor' | 'severity'>): RuleSeed => ({
  windowHours: 24,
  baselineDays: 28,
  sigmas: 3,
  durationMinutes: 0,
  active: true,
  unitId: null,
  ...over,
});

/**
 * The default hotspot rules (judged in src/rule/evaluate.ts): a commune's reports in the last 24 hours
 * above max(floor, mean + 3·SD of its daily counts over the 28 local days before today). Thefts and
 * robberies raise SEC_THEFT and fights and disorder SEC_PUBLIC_DISORDER (both IMMEDIATE in the incidents
 * categories); gambling and drugs raise SEC_SOCIAL_EVILS (TIMED).
 */
export const defaultRules: RuleSeed[] = [
  hotspot({
    code: 'THEFT_SURGE_24H',
    nameVi: 'Trộm cắp, cướp giật tăng đột biến tại xã, phường trong 24 giờ',
    categories: [SecurityCategory.THEFT, SecurityCategory.ROBBERY],
    categoryCode: 'SEC_THEFT',
    floor: 5,
    severity: Severity.MODERATE,
  }),
  hotspot({
    code: 'DISORDER_SURGE_24H',
    nameVi: 'Đánh nhau, gây rối trật tự tăng đột biến tại xã, phường trong 24 giờ',
    categories: [SecurityCategory.AFFRAY, SecurityCategory.PUBLIC_DISORDER, SecurityCategory.TRAFFIC_DISORDER],
    categoryCode: 'SEC_PUBLIC_DISORDER',
    floor: 4,
    severity: Severity.MODERATE,
  }),
  hotspot({
    code: 'SOCIAL_EVILS_SURGE_24H',
    nameVi: 'Cờ bạc, ma túy tăng đột biến tại xã, phường trong 24 giờ',
    categories: [SecurityCategory.GAMBLING, SecurityCategory.DRUGS],
    categoryCode: 'SEC_SOCIAL_EVILS',
    floor: 3,
    severity: Severity.MINOR,
  }),
];
