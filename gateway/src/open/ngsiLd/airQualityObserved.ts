import { attributes, dateTime, entityId, placeAttributes, property, type NgsiEntityType, type SensorPlace } from './entity';

interface StationRow extends SensorPlace {
  code: string;
  airQuality: { aqi: number; hour: string; category: { level: number; nameEn: string } } | null;
}

/**
 * Smart Data Models `AirQualityObserved` (dataModel.Environment): each air station with its latest hourly
 * VN_AQI (`airQualityIndex`, Decision 1459/QĐ-TCMT) and its band (`airQualityLevel`, the band's English name
 * in lower case). Pollutant concentrations (`pm25`, `pm10`, `no2`, `so2`, `co`, `o3`) are absent: the hub
 * shows raw readings to staff only, and these entities hold what the public may read.
 */
export const airQualityObserved: NgsiEntityType = {
  name: 'AirQualityObserved',
  uri: 'https://smartdatamodels.org/dataModel.Environment/AirQualityObserved',
  operation: 'NgsiAirQualityStations',
  entities(data) {
    return (data as { stations: StationRow[] }).stations.map((station) => {
      const observed = station.airQuality;
      const observedAt = observed ? new Date(observed.hour).toISOString() : null;
      return {
        id: entityId('AirQualityObserved', station.code),
        type: 'AirQualityObserved',
        attributes: attributes({
          ...placeAttributes(station),
          dateObserved: observed && dateTime(observed.hour),
          airQualityIndex: observed && property(observed.aqi, { observedAt }),
          airQualityLevel: observed && property(observed.category.nameEn.toLowerCase(), { observedAt }),
        }),
      };
    });
  },
};
