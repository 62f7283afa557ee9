import type { Dataset } from './dataset';
import { enumFilter, idFilter } from './filters';

interface StationRow {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
  kind: string;
  latitude: number;
  longitude: number;
  unitId: string;
  active: boolean;
  alarmLevels: { level1: number; level2: number; level3: number } | null;
}

export const STATION_KINDS = ['AIR', 'WATER', 'NOISE', 'RAIN_GAUGE', 'WATER_LEVEL'];

/** The environment monitoring stations (trạm quan trắc): the places every reading comes from. */
export const stations: Dataset<StationRow> = {
  name: 'stations',
  scope: 'stations',
  titleVi: 'Trạm quan trắc môi trường',
  titleEn: 'Environment monitoring stations',
  descriptionEn:
    'The province’s automatic monitoring stations (air, water, noise, rain gauges, water level gauges) with their place, administrative unit, whether in service and, for water level gauges, alarm levels I–III',
  keywords: ['trạm quan trắc', 'môi trường', 'monitoring stations', 'environment', 'rain gauge', 'water level'],
  updateFrequency: 'irregular',
  maxAgeSeconds: 60,
  operation: 'OpenStations',
  paging: 'list',
  page: (data) => ({ rows: (data as { stations: StationRow[] }).stations, endCursor: null }),
  columns: [
    { name: 'code', description: 'Code of the station, e.g. BP-KK-DX01', value: (row) => row.code },
    { name: 'name_vi', description: 'Name in Vietnamese', value: (row) => row.nameVi },
    { name: 'name_en', description: 'Name in English', value: (row) => row.nameEn },
    { name: 'kind', description: 'AIR, WATER, NOISE, RAIN_GAUGE or WATER_LEVEL', value: (row) => row.kind },
    { name: 'latitude', description: 'Latitude (WGS 84)', value: (row) => row.latitude },
    { name: 'longitude', description: 'Longitude (WGS 84)', value: (row) => row.longitude },
    { name: 'unit_id', description: 'Id of the administrative unit it stands in', value: (row) => row.unitId },
    { name: 'active', description: 'Whether the station is in service', value: (row) => row.active },
    {
      name: 'alarm_level_1',
      description: 'Water level gauges: alarm level I (m); empty for other kinds',
      value: (row) => row.alarmLevels?.level1,
    },
    { name: 'alarm_level_2', description: 'Water level gauges: alarm level II (m)', value: (row) => row.alarmLevels?.level2 },
    { name: 'alarm_level_3', description: 'Water level gauges: alarm level III (m)', value: (row) => row.alarmLevels?.level3 },
  ],
  filters: {
    kind: enumFilter('Only stations of this kind', 'kind', STATION_KINDS),
    unit: idFilter('Only stations in this administrative unit (its id) or below it', 'withinUnitId', 'unit'),
  },
  id: (row) => row.code,
  place: (row) => ({ latitude: row.latitude, longitude: row.longitude }),
};
