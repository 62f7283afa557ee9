import type { Dataset } from './dataset';
import { codeFilter, timeWindow, windowFilters } from './filters';
import { aliasedSeriesRows } from './series';

interface SeriesPoint {
  bucketStart: string;
  average: number;
  min: number;
  max: number;
  count: number;
}

interface ReadingRow extends SeriesPoint {
  station: string | null;
  metric: string;
}

/** The metrics of the operation's aliases, with their units (as the Metric enum describes them). */
const METRICS: Record<string, string> = {
  PM2_5: 'µg/m³',
  PM10: 'µg/m³',
  NO2: 'µg/m³',
  SO2: 'µg/m³',
  CO: 'µg/m³',
  O3: 'µg/m³',
  TEMPERATURE: '°C',
  HUMIDITY: '%',
  RAINFALL: 'mm',
  WATER_LEVEL: 'm',
  NOISE: 'dBA',
};

/** The metric the operation reads without an alias (the gateway allows 10 aliases an operation, there are 11 metrics). */
const UNALIASED = 'NOISE';

/** The longest window one request reads: 31 days of hours of every metric stays a bounded answer. */
export const READINGS_MAX_DAYS = 31;

/**
 * Hourly rollups of the readings (số liệu quan trắc theo giờ) of one station, or of all stations together,
 * over a window: every metric the station measures, one row per metric and hour that has readings.
 */
export const readings: Dataset<ReadingRow> = {
  name: 'readings',
  scope: 'readings',
  titleVi: 'Số liệu quan trắc theo giờ',
  titleEn: 'Hourly monitoring readings',
  descriptionEn: `Hourly mean, minimum, maximum and number of readings of each metric (PM2.5, PM10, NO2, SO2, CO, O3, temperature, humidity, rainfall, water level, noise) of a station, or of all stations together, over a window of at most ${READINGS_MAX_DAYS} days (the last day by default); hours without readings are left out`,
  keywords: ['quan trắc', 'số liệu', 'bụi PM2.5', 'lượng mưa', 'readings', 'time series', 'sensors'],
  updateFrequency: 'hourly',
  maxAgeSeconds: 60,
  operation: 'OpenReadings',
  paging: 'list',
  page(data, variables) {
    const station = (variables.stationCode as string | undefined) ?? null;
    return aliasedSeriesRows(
      data,
      Object.keys(METRICS),
      (point: SeriesPoint, metric) => ({ ...point, metric, station }),
      (metric) => (metric === UNALIASED ? 'metricSeries' : metric),
    );
  },
  columns: [
    { name: 'station_code', description: 'The station (its code); empty: all stations together', value: (row) => row.station },
    { name: 'metric', description: `The metric: ${Object.keys(METRICS).join(', ')}`, value: (row) => row.metric },
    { name: 'unit', description: 'Unit of the values, e.g. µg/m³, °C, mm, m, dBA', value: (row) => METRICS[row.metric] },
    { name: 'hour', description: 'Start of the hour (ISO 8601, UTC)', value: (row) => row.bucketStart },
    { name: 'average', description: 'Mean of the hour’s readings', value: (row) => row.average },
    { name: 'min', description: 'Lowest reading of the hour', value: (row) => row.min },
    { name: 'max', description: 'Highest reading of the hour', value: (row) => row.max },
    { name: 'count', description: 'Number of readings in the hour', value: (row) => row.count },
  ],
  filters: {
    station: codeFilter(
      'Only this station (its code, e.g. BP-KK-DX01, from the stations dataset); all stations together when omitted',
      'stationCode',
      'station',
    ),
    ...windowFilters('the hours', READINGS_MAX_DAYS, 1),
  },
  complete: timeWindow({ maxDays: READINGS_MAX_DAYS, defaultDays: 1 }),
  id: (row) => `${row.station ?? 'all'}/${row.metric}/${row.bucketStart}`,
};
