import type { Dataset } from './dataset';
import { enumFilter, idFilter, timeWindow, windowFilters } from './filters';

interface SecurityRow {
  month: string;
  monthStart: string;
  districtUnitId: string;
  category: string;
  count: number;
  district: { code: string; nameVi: string; nameEn: string; centroid: { latitude: number; longitude: number } | null } | null;
}

const CATEGORIES = ['THEFT', 'ROBBERY', 'AFFRAY', 'PUBLIC_DISORDER', 'GAMBLING', 'DRUGS', 'TRAFFIC_DISORDER'];

export const SECURITY_MAX_DAYS = 731;

/**
 * Security reports per month, district-level unit and category (tình hình an ninh trật tự theo tháng): the
 * open figure of the security sector (`securityMonthlyCounts`); cases and places are for staff only.
 */
export const security: Dataset<SecurityRow> = {
  name: 'security',
  scope: 'security',
  titleVi: 'Tình hình an ninh trật tự theo tháng',
  titleEn: 'Monthly security reports',
  descriptionEn: `Reports of the 113 line and patrols per month (Asia/Ho_Chi_Minh), district-level unit and category (theft, robbery, affray, public disorder, gambling, drugs, traffic disorder), over a window of at most ${SECURITY_MAX_DAYS} days (the last 365 by default)`,
  keywords: ['an ninh trật tự', 'tội phạm', '113', 'public safety', 'security', 'crime statistics'],
  updateFrequency: 'continuous',
  maxAgeSeconds: 60,
  operation: 'OpenSecurity',
  paging: 'list',
  page: (data) => ({ rows: (data as { securityMonthlyCounts: SecurityRow[] }).securityMonthlyCounts, endCursor: null }),
  columns: [
    { name: 'month', description: 'The month, YYYY-MM', value: (row) => row.month },
    { name: 'month_start', description: 'The 1st at 00:00 Asia/Ho_Chi_Minh (ISO 8601, UTC)', value: (row) => row.monthStart },
    { name: 'district_unit_id', description: 'Id of the district-level unit', value: (row) => row.districtUnitId },
    { name: 'district_code', description: 'Its national unit code', value: (row) => row.district?.code },
    { name: 'district_vi', description: 'Its name in Vietnamese', value: (row) => row.district?.nameVi },
    { name: 'district_en', description: 'Its name in English', value: (row) => row.district?.nameEn },
    { name: 'category', description: `The category: ${CATEGORIES.join(', ')}`, value: (row) => row.category },
    { name: 'count', description: 'Reports in the month', value: (row) => row.count },
    { name: 'latitude', description: 'Latitude of the unit’s centre (WGS 84)', value: (row) => row.district?.centroid?.latitude },
    { name: 'longitude', description: 'Longitude of the unit’s centre (WGS 84)', value: (row) => row.district?.centroid?.longitude },
  ],
  filters: {
    category: enumFilter('Only this category', 'categories', CATEGORIES, (value) => [value]),
    unit: idFilter('Only this administrative unit (its id) and below it; the province when omitted', 'withinUnitId', 'unit'),
    ...windowFilters('the months', SECURITY_MAX_DAYS, 365),
  },
  complete: timeWindow({ maxDays: SECURITY_MAX_DAYS, defaultDays: 365 }),
  id: (row) => `${row.month}/${row.districtUnitId}/${row.category}`,
  place: (row) => row.district?.centroid ?? null,
};
