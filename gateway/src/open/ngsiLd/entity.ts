/** A value as NGSI-LD writes a DateTime property: typed, so that a JSON-LD processor keeps it a date. */
export interface NgsiDateTime {
  '@type': 'DateTime';
  '@value': string;
}

/** A GeoJSON Point (RFC 7946): `[longitude, latitude]`. */
export interface GeoJsonPoint {
  type: 'Point';
  coordinates: [number, number];
}

export type NgsiValue = string | number | boolean | NgsiDateTime | Record<string, unknown>;

/** An attribute in NGSI-LD's normalized form (ETSI GS CIM 009 §4.5.2, §4.5.7). */
export type NgsiAttribute =
  { type: 'Property'; value: NgsiValue; unitCode?: string; observedAt?: string } | { type: 'GeoProperty'; value: GeoJsonPoint };

/** An entity in normalized form: `id` (a URN), `type` (a Smart Data Models short name) and its attributes. */
export interface NgsiEntity {
  id: string;
  type: string;
  attributes: Record<string, NgsiAttribute>;
}

/**
 * One NGSI-LD entity type the hub serves: the persisted operation that reads every entity of it (a province
 * has tens of stations and cameras, so a type is read whole and filtered here) and how its answer becomes entities.
 */
export interface NgsiEntityType {
  /** The Smart Data Models short name, e.g. `AirQualityObserved`. */
  name: string;
  /** Its full type URI, which a client may send instead of the short name. */
  uri: string;
  /** The persisted operation (gateway/open/operations/ngsiLd.graphql) that reads them. */
  operation: string;
  entities(data: unknown): NgsiEntity[];
}

/** The entity id of a sensor: `urn:ngsi-ld:<type>:<the hub's code>`. */
export const entityId = (type: string, code: string) => `urn:ngsi-ld:${type}:${code}`;

export const property = (value: NgsiValue, meta: { unitCode?: string; observedAt?: string | null } = {}): NgsiAttribute => ({
  type: 'Property',
  value,
  ...(meta.unitCode ? { unitCode: meta.unitCode } : {}),
  ...(meta.observedAt ? { observedAt: meta.observedAt } : {}),
});

export const dateTime = (at: string): NgsiAttribute => property({ '@type': 'DateTime', '@value': new Date(at).toISOString() });

export const location = (latitude: number, longitude: number): NgsiAttribute => ({
  type: 'GeoProperty',
  value: { type: 'Point', coordinates: [longitude, latitude] },
});

/** A sensor as the hub's operations describe where it is (fragment NgsiStationPlace, and cameras alike). */
export interface SensorPlace {
  nameVi: string;
  latitude: number;
  longitude: number;
  administrativeUnit: { nameVi: string } | null;
}

/**
 * The attributes every sensor entity has: `name`, `location` and `address` (a schema.org PostalAddress: the
 * commune or ward, and the road when known).
 */
export const placeAttributes = (sensor: SensorPlace, street?: string) => ({
  name: property(sensor.nameVi),
  address: property({
    addressCountry: 'VN',
    ...(sensor.administrativeUnit ? { addressLocality: sensor.administrativeUnit.nameVi } : {}),
    ...(street ? { streetAddress: street } : {}),
  }),
  location: location(sensor.latitude, sensor.longitude),
});

/** The attributes that have a value: a sensor without an observation has no observation attributes. */
export function attributes(entries: Record<string, NgsiAttribute | null | undefined>): Record<string, NgsiAttribute> {
  return Object.fromEntries(Object.entries(entries).filter((entry): entry is [string, NgsiAttribute] => Boolean(entry[1])));
}
