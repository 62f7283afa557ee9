import { registerEnumType } from 'type-graphql';
import type { Pollutant } from './aqi/vnAqi';

/** What a monitoring station measures. */
export enum StationKind {
  AIR = 'AIR',
  WATER = 'WATER',
  NOISE = 'NOISE',
  RAIN_GAUGE = 'RAIN_GAUGE',
  WATER_LEVEL = 'WATER_LEVEL',
}
registerEnumType(StationKind, {
  name: 'StationKind',
  description: 'What a monitoring station measures (loại trạm quan trắc)',
  valuesConfig: {
    AIR: { description: 'Air quality station (trạm quan trắc không khí): PM2.5, PM10, O3, CO, NO2, SO2, temperature, humidity, noise' },
    WATER: { description: 'Water quality station (trạm quan trắc nước)' },
    NOISE: { description: 'Noise station (trạm đo tiếng ồn)' },
    RAIN_GAUGE: { description: 'Rain gauge (trạm đo mưa)' },
    WATER_LEVEL: { description: 'Water level gauge on a river or reservoir (trạm đo mực nước), with alarm levels I–III' },
  },
});

/** A measured quantity, with its unit. */
export enum Metric {
  PM2_5 = 'PM2_5',
  PM10 = 'PM10',
  NO2 = 'NO2',
  SO2 = 'SO2',
  CO = 'CO',
  O3 = 'O3',
  TEMPERATURE = 'TEMPERATURE',
  HUMIDITY = 'HUMIDITY',
  RAINFALL = 'RAINFALL',
  WATER_LEVEL = 'WATER_LEVEL',
  NOISE = 'NOISE',
}
registerEnumType(Metric, {
  name: 'Metric',
  description: 'A measured quantity (chỉ số quan trắc); each value names its unit',
  valuesConfig: {
    PM2_5: { description: 'Fine dust PM2.5 (bụi PM2.5), µg/m³' },
    PM10: { description: 'Dust PM10 (bụi PM10), µg/m³' },
    NO2: { description: 'Nitrogen dioxide NO2, µg/m³' },
    SO2: { description: 'Sulphur dioxide SO2, µg/m³' },
    CO: { description: 'Carbon monoxide CO, µg/m³' },
    O3: { description: 'Ozone O3, µg/m³' },
    TEMPERATURE: { description: 'Temperature (nhiệt độ), °C' },
    HUMIDITY: { description: 'Relative humidity (độ ẩm), %' },
    RAINFALL: { description: 'Rainfall (lượng mưa), mm fallen since the station’s previous reading' },
    WATER_LEVEL: { description: 'Water level (mực nước), m on the gauge’s datum' },
    NOISE: { description: 'Noise level (tiếng ồn), dBA' },
  },
});

/** The bucket of a time series, aligned to Asia/Ho_Chi_Minh (shared by every subgraph). */
export { SeriesBucket as Bucket } from '@ioc-graph/platform';

/** The pollutants of VN_AQI, as metrics. */
export const AQI_METRICS: readonly Metric[] = [Metric.PM2_5, Metric.PM10, Metric.O3, Metric.CO, Metric.NO2, Metric.SO2];
export const isPollutant = (metric: string): metric is Pollutant => (AQI_METRICS as readonly string[]).includes(metric);

/** Which metrics each kind of station reports (a reading of another metric is refused). */
export const METRICS_OF_KIND: Record<StationKind, readonly Metric[]> = {
  [StationKind.AIR]: [...AQI_METRICS, Metric.TEMPERATURE, Metric.HUMIDITY, Metric.NOISE],
  [StationKind.WATER]: [Metric.TEMPERATURE, Metric.WATER_LEVEL],
  [StationKind.NOISE]: [Metric.NOISE],
  [StationKind.RAIN_GAUGE]: [Metric.RAINFALL, Metric.TEMPERATURE, Metric.HUMIDITY],
  [StationKind.WATER_LEVEL]: [Metric.WATER_LEVEL, Metric.RAINFALL],
};

/** Plausible bounds of a value per metric (a device outside them is broken, not alarming). */
export const METRIC_BOUNDS: Record<Metric, { min: number; max: number }> = {
  PM2_5: { min: 0, max: 2000 },
  PM10: { min: 0, max: 5000 },
  NO2: { min: 0, max: 10000 },
  SO2: { min: 0, max: 10000 },
  CO: { min: 0, max: 300000 },
  O3: { min: 0, max: 5000 },
  TEMPERATURE: { min: -10, max: 60 },
  HUMIDITY: { min: 0, max: 100 },
  RAINFALL: { min: 0, max: 500 },
  WATER_LEVEL: { min: -50, max: 500 },
  NOISE: { min: 0, max: 200 },
};
