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
registerEnumType(StationKind, { name: 'StationKind', description: 'Trạm quan trắc không khí, nước, tiếng ồn, đo mưa, đo mực nước' });

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
  description: 'Bụi PM2.5, PM10, NO2, SO2, CO, O3 (µg/m³), nhiệt độ (°C), độ ẩm (%), lượng mưa (mm), mực nước (m), tiếng ồn (dBA)',
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
