import { attributes, dateTime, entityId, placeAttributes, property, type NgsiEntityType, type SensorPlace } from './entity';

interface GaugeRow {
  station: SensorPlace & { code: string };
  waterLevel: number | null;
  measuredAt: string | null;
  alarmLevels: { level1: number; level2: number; level3: number } | null;
  alarm: 'NONE' | 'LEVEL_I' | 'LEVEL_II' | 'LEVEL_III';
}

/**
 * Smart Data Models `WaterObserved` (dataModel.Environment: "flow, level and volume of water observed … by
 * water stations … for rivers, lakes"), the closest model to a water level gauge on a river or reservoir:
 * `height` is the latest water level in metres on the gauge's datum (unitCode MTR). The model has no flood
 * alarm, so two attributes are the hub's own: `alarmLevel` (NONE, LEVEL_I, LEVEL_II or LEVEL_III, the
 * highest alarm the level reaches, mức báo động) and `alarmThresholds` (`level1`–`level3`, m).
 */
export const waterObserved: NgsiEntityType = {
  name: 'WaterObserved',
  uri: 'https://smartdatamodels.org/dataModel.Environment/WaterObserved',
  operation: 'NgsiWaterLevelGauges',
  entities(data) {
    return (data as { floodWatch: GaugeRow[] }).floodWatch.map((gauge) => {
      const observedAt = gauge.measuredAt ? new Date(gauge.measuredAt).toISOString() : null;
      const measured = gauge.waterLevel !== null && observedAt !== null;
      return {
        id: entityId('WaterObserved', gauge.station.code),
        type: 'WaterObserved',
        attributes: attributes({
          ...placeAttributes(gauge.station),
          dateObserved: measured ? dateTime(observedAt) : null,
          height: measured ? property(gauge.waterLevel!, { unitCode: 'MTR', observedAt }) : null,
          alarmLevel: property(gauge.alarm, { observedAt }),
          alarmThresholds: gauge.alarmLevels && property({ ...gauge.alarmLevels }, { unitCode: 'MTR' }),
        }),
      };
    });
  },
};
