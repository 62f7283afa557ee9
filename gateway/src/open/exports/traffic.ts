import type { Dataset } from './dataset';
import { enumFilter, idFilter } from './filters';
import { UNIT_LEVELS, unitColumns, unitPage, type UnitRow } from './unitRows';

interface TrafficRow extends UnitRow {
  traffic: { violationsToday: number; camerasOnline: number; camerasOffline: number; congestedSegments: number } | null;
}

/**
 * Traffic now per administrative unit (giao thông theo đơn vị hành chính): congested segments, cameras and
 * today's violations of its subtree, as `AdministrativeUnit.traffic` gives them to the public. Per segment
 * congestion is only a series per segment (`congestionSeries`), too many requests for one export.
 */
export const traffic: Dataset<TrafficRow> = {
  name: 'traffic',
  scope: 'traffic',
  titleVi: 'Tình hình giao thông theo đơn vị hành chính',
  titleEn: 'Traffic by administrative unit',
  descriptionEn:
    'For each administrative unit (and its subtree): road segments congested now, traffic cameras online and offline, and camera-detected violations since local midnight',
  keywords: ['giao thông', 'ùn tắc', 'camera', 'vi phạm', 'traffic', 'congestion'],
  updateFrequency: 'continuous',
  maxAgeSeconds: 60,
  operation: 'OpenTraffic',
  page: (data) => unitPage<TrafficRow>(data),
  columns: [
    ...unitColumns<TrafficRow>(),
    {
      name: 'congested_segments',
      description: 'Road segments whose latest measurement (within 30 minutes) is at or above the congestion level',
      value: (row) => row.traffic?.congestedSegments,
    },
    { name: 'cameras_online', description: 'Traffic cameras heard from recently', value: (row) => row.traffic?.camerasOnline },
    { name: 'cameras_offline', description: 'Traffic cameras not heard from recently', value: (row) => row.traffic?.camerasOffline },
    {
      name: 'violations_today',
      description: 'Violations seen by cameras since local midnight (Asia/Ho_Chi_Minh)',
      value: (row) => row.traffic?.violationsToday,
    },
  ],
  filters: {
    level: enumFilter('Only units of this tier', 'level', UNIT_LEVELS),
    within: idFilter('Only the units below this administrative unit (its id; the unit itself excluded)', 'withinUnitId', 'within'),
  },
  id: (row) => row.id,
  place: (row) => row.centroid,
};
