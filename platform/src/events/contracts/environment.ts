/**
 * Events of the environment subgraph besides its breaches. `station.hoursReported`: a batch of readings
 * gave air stations the VN_AQI of hours they had none for (a new hour of data): what the public reads of
 * air quality changed, so a gateway makes stale the answers it kept from the environment subgraph.
 */
export const STATION_EVENT_TYPES = ['station.hoursReported'] as const;
export type StationEventType = (typeof STATION_EVENT_TYPES)[number];

/** The payload of `station.hoursReported`; the entity is the first of the stations. */
export type StationHoursReported = {
  /** The stations with a new hour, at most 100 (a larger batch names the first 100). */
  stationIds: string[];
  /** The new hours (UTC, ISO 8601), earliest first. */
  hours: string[];
};
