import type { Dataset } from './dataset';
import { idFilter } from './filters';

interface FloodWatchRow {
  station: { id: string; code: string; nameVi: string; nameEn: string; latitude: number; longitude: number; unitId: string };
  waterLevel: number | null;
  measuredAt: string | null;
  alarmLevels: { level1: number; level2: number; level3: number } | null;
  alarm: string;
}

/** The flood watch (theo dõi lũ): each water level gauge, its latest level and the alarm it reaches, highest alarm first. */
export const floodGauges: Dataset<FloodWatchRow> = {
  name: 'flood-gauges',
  scope: 'flood-gauges',
  titleVi: 'Mực nước và cấp báo động lũ',
  titleEn: 'Water levels and flood alarms',
  descriptionEn:
    'Each water level gauge on a river or reservoir with its latest level, when it was measured, its alarm levels I–III and the alarm the level reaches; highest alarm first',
  keywords: ['mực nước', 'báo động lũ', 'thủy văn', 'water level', 'flood', 'alarm'],
  updateFrequency: 'continuous',
  maxAgeSeconds: 60,
  operation: 'OpenFloodGauges',
  paging: 'list',
  page: (data) => ({ rows: (data as { floodWatch: FloodWatchRow[] }).floodWatch, endCursor: null }),
  columns: [
    { name: 'station_code', description: 'Code of the gauge', value: (row) => row.station.code },
    { name: 'name_vi', description: 'Name in Vietnamese', value: (row) => row.station.nameVi },
    { name: 'name_en', description: 'Name in English', value: (row) => row.station.nameEn },
    { name: 'latitude', description: 'Latitude (WGS 84)', value: (row) => row.station.latitude },
    { name: 'longitude', description: 'Longitude (WGS 84)', value: (row) => row.station.longitude },
    { name: 'unit_id', description: 'Id of the administrative unit it stands in', value: (row) => row.station.unitId },
    {
      name: 'water_level',
      description: 'Latest water level (m on the gauge’s datum); empty without a reading',
      value: (row) => row.waterLevel,
    },
    { name: 'measured_at', description: 'When it was measured (ISO 8601, UTC)', value: (row) => row.measuredAt },
    { name: 'alarm_level_1', description: 'Alarm level I (m)', value: (row) => row.alarmLevels?.level1 },
    { name: 'alarm_level_2', description: 'Alarm level II (m)', value: (row) => row.alarmLevels?.level2 },
    { name: 'alarm_level_3', description: 'Alarm level III (m)', value: (row) => row.alarmLevels?.level3 },
    { name: 'alarm', description: 'The alarm the latest level reaches: NONE, LEVEL_I, LEVEL_II or LEVEL_III', value: (row) => row.alarm },
  ],
  filters: {
    unit: idFilter('Only gauges in this administrative unit (its id) or below it', 'withinUnitId', 'unit'),
  },
  id: (row) => row.station.code,
  place: (row) => ({ latitude: row.station.latitude, longitude: row.station.longitude }),
  modified: (row) => row.measuredAt,
};
