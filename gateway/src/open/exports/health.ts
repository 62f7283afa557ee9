import type { Dataset } from './dataset';
import { idFilter, timeWindow, windowFilters } from './filters';
import { aliasedSeriesRows } from './series';

interface CasePoint {
  bucketStart: string;
  cases: number;
  deaths: number;
}

interface HealthRow extends CasePoint {
  unitId: string | null;
  disease: string;
}

/** The notifiable diseases of the operation's aliases. */
const DISEASES = ['DENGUE', 'HAND_FOOT_MOUTH', 'MEASLES', 'COVID_19'];

export const HEALTH_MAX_DAYS = 366;

/**
 * Cases and deaths of the notifiable diseases per ISO week (ca bệnh truyền nhiễm theo tuần) in the province
 * or a district-level unit: the figure the health subgraph publishes; a commune's is for staff only.
 */
export const health: Dataset<HealthRow> = {
  name: 'health',
  scope: 'health',
  titleVi: 'Số ca bệnh truyền nhiễm theo tuần',
  titleEn: 'Weekly cases of notifiable diseases',
  descriptionEn: `Cases and deaths of dengue, hand-foot-mouth disease, measles and COVID-19 per ISO week (Monday, Asia/Ho_Chi_Minh) in the province or a district-level unit, over a window of at most ${HEALTH_MAX_DAYS} days (the last 12 weeks by default)`,
  keywords: ['y tế', 'bệnh truyền nhiễm', 'sốt xuất huyết', 'health', 'dengue', 'surveillance'],
  updateFrequency: 'daily',
  maxAgeSeconds: 60,
  operation: 'OpenHealth',
  paging: 'list',
  page(data, variables) {
    const unitId = (variables.withinUnitId as string | undefined) ?? null;
    return aliasedSeriesRows(data, DISEASES, (point: CasePoint, disease) => ({ ...point, disease, unitId }));
  },
  columns: [
    { name: 'unit_id', description: 'The administrative unit (its id); empty: the whole province', value: (row) => row.unitId },
    { name: 'disease', description: `The disease: ${DISEASES.join(', ')}`, value: (row) => row.disease },
    {
      name: 'week_start',
      description: 'Start of the ISO week: Monday 00:00 Asia/Ho_Chi_Minh (ISO 8601, UTC)',
      value: (row) => row.bucketStart,
    },
    { name: 'cases', description: 'Cases reported in the week', value: (row) => row.cases },
    { name: 'deaths', description: 'Deaths reported in the week', value: (row) => row.deaths },
  ],
  filters: {
    unit: idFilter(
      'The province or a district-level unit (its id); the province when omitted (a commune is for staff only)',
      'withinUnitId',
      'unit',
    ),
    ...windowFilters('the weeks', HEALTH_MAX_DAYS, 84),
  },
  complete: timeWindow({ maxDays: HEALTH_MAX_DAYS, defaultDays: 84 }),
  id: (row) => `${row.unitId ?? 'province'}/${row.disease}/${row.bucketStart}`,
};
