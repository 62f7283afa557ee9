import type { Dataset } from './dataset';
import { idFilter } from './filters';

interface AirStationRow {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
  latitude: number;
  longitude: number;
  unitId: string;
  active: boolean;
  airQuality: {
    aqi: number;
    category: { level: number; nameVi: string; nameEn: string; color: string };
    dominant: string;
    hour: string;
  } | null;
}

/** The current hourly VN_AQI (chỉ số chất lượng không khí) of each air quality station, as the wall and the public app show it. */
export const airQuality: Dataset<AirStationRow> = {
  name: 'air-quality',
  scope: 'air-quality',
  titleVi: 'Chỉ số chất lượng không khí (VN_AQI) hiện tại',
  titleEn: 'Current air quality index (VN_AQI)',
  descriptionEn:
    'The latest hourly VN_AQI of each air quality station (Decision 1459/QĐ-TCMT), its category and dominant pollutant, with the station’s place; empty AQI when the station has no recent hour',
  keywords: ['chất lượng không khí', 'VN_AQI', 'bụi mịn', 'air quality', 'AQI', 'PM2.5'],
  updateFrequency: 'hourly',
  maxAgeSeconds: 60,
  operation: 'OpenAirQuality',
  paging: 'list',
  page: (data) => ({ rows: (data as { stations: AirStationRow[] }).stations, endCursor: null }),
  columns: [
    { name: 'station_code', description: 'Code of the station, e.g. BP-KK-DX01', value: (row) => row.code },
    { name: 'name_vi', description: 'Station name in Vietnamese', value: (row) => row.nameVi },
    { name: 'name_en', description: 'Station name in English', value: (row) => row.nameEn },
    { name: 'latitude', description: 'Latitude (WGS 84)', value: (row) => row.latitude },
    { name: 'longitude', description: 'Longitude (WGS 84)', value: (row) => row.longitude },
    { name: 'unit_id', description: 'Id of the administrative unit it stands in', value: (row) => row.unitId },
    { name: 'active', description: 'Whether the station is in service', value: (row) => row.active },
    { name: 'aqi', description: 'Hourly VN_AQI, 0–500; empty without a recent hour', value: (row) => row.airQuality?.aqi },
    { name: 'category_level', description: 'VN_AQI band, 1 Good to 6 Hazardous', value: (row) => row.airQuality?.category.level },
    { name: 'category_vi', description: 'Name of the band in Vietnamese, e.g. Tốt', value: (row) => row.airQuality?.category.nameVi },
    { name: 'category_en', description: 'Name of the band in English, e.g. Good', value: (row) => row.airQuality?.category.nameEn },
    { name: 'color', description: 'The band’s colour by the decision, #RRGGBB', value: (row) => row.airQuality?.category.color },
    { name: 'dominant', description: 'The pollutant that decided the index, e.g. PM2_5', value: (row) => row.airQuality?.dominant },
    { name: 'hour', description: 'Start of the hour the index is for (ISO 8601, UTC)', value: (row) => row.airQuality?.hour },
  ],
  filters: {
    unit: idFilter('Only stations in this administrative unit (its id) or below it', 'withinUnitId', 'unit'),
  },
  id: (row) => row.code,
  place: (row) => ({ latitude: row.latitude, longitude: row.longitude }),
  modified: (row) => row.airQuality?.hour ?? null,
};
