import type { EgovRule } from '../src/rule/rule';
import { OVERDUE_DOSSIERS } from '../src/rule/rule';
import { RuleComparison } from '@ioc-graph/platform';
import { Severity } from '../src/vocabulary';

/**
 * The default rule of the e-government sector (judged in src/rule/evaluate.ts): an agency with more than
 * 10 dossiers being handled past their due time raises an EGOV_DOSSIER_OVERDUE alert (TIMED), routed to it.
 */
export const defaultRules: Omit<EgovRule, 'id'>[] = [
  {
    code: 'OVERDUE_DOSSIERS_AGENCY',
    nameVi: 'Cơ quan có trên 10 hồ sơ thủ tục hành chính trễ hạn',
    metric: OVERDUE_DOSSIERS,
    comparison: RuleComparison.ABOVE,
    threshold: 10,
    durationMinutes: 0,
    severity: Severity.MODERATE,
    categoryCode: 'EGOV_DOSSIER_OVERDUE',
    unitId: null,
    active: true,
  },
];
