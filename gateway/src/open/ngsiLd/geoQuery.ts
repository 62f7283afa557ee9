import type { NgsiEntity } from './entity';
import { badRequestData, operationNotSupported } from './problems';

type Position = [number, number];

/** A parsed geo-query (ETSI GS CIM 009 §4.10) on `location`. */
export type GeoQuery =
  { georel: 'near'; point: Position; maxDistance?: number; minDistance?: number } | { georel: 'within'; rings: Position[][] };

const MAX_POSITIONS = 500;
const EARTH_RADIUS_M = 6_371_008.8;
/** Georels of the specification this API does not answer (its entities are points). */
const UNSUPPORTED_GEORELS = ['equals', 'disjoint', 'intersects', 'overlaps', 'contains'];

function position(value: unknown): Position {
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    !value.every((n) => typeof n === 'number' && Number.isFinite(n)) ||
    Math.abs(value[0] as number) > 180 ||
    Math.abs(value[1] as number) > 90
  ) {
    throw badRequestData('coordinates must hold [longitude, latitude] positions in WGS 84 degrees');
  }
  return value as Position;
}

function coordinatesOf(text: string | undefined): unknown {
  if (text === undefined) throw badRequestData('A geo-query needs georel, geometry and coordinates');
  try {
    return JSON.parse(text);
  } catch {
    throw badRequestData('coordinates must be a JSON array, e.g. [106.89,11.53]');
  }
}

function distanceOf(modifier: string): { name: 'maxDistance' | 'minDistance'; metres: number } {
  const match = /^(maxDistance|minDistance)==(\d{1,8}(\.\d{1,6})?)$/.exec(modifier);
  if (!match) throw badRequestData('georel near takes maxDistance==<metres> or minDistance==<metres>, e.g. near;maxDistance==2000');
  return { name: match[1] as 'maxDistance' | 'minDistance', metres: Number(match[2]) };
}

/**
 * Reads `georel`, `geometry`, `coordinates` and `geoproperty`: `near;maxDistance==<m>` (and/or
 * `minDistance==<m>`) around a Point, and `within` a Polygon (with holes). Other georels are valid
 * NGSI-LD and answered OperationNotSupported; anything malformed is BadRequestData.
 */
export function parseGeoQuery(parameters: {
  georel?: string;
  geometry?: string;
  coordinates?: string;
  geoproperty?: string;
}): GeoQuery | null {
  const { georel, geometry, coordinates, geoproperty } = parameters;
  if (georel === undefined && geometry === undefined && coordinates === undefined) {
    if (geoproperty !== undefined) throw badRequestData('geoproperty needs georel, geometry and coordinates');
    return null;
  }
  if (georel === undefined || geometry === undefined) throw badRequestData('A geo-query needs georel, geometry and coordinates');
  if (geoproperty !== undefined && geoproperty !== 'location')
    throw badRequestData('geoproperty must be location, the only GeoProperty here');
  const [relation, ...modifiers] = georel.split(';');
  if (relation === 'near') {
    if (geometry !== 'Point') throw badRequestData('georel near takes geometry=Point');
    if (modifiers.length === 0 || modifiers.length > 2)
      throw badRequestData('georel near takes maxDistance==<metres> and/or minDistance==<metres>');
    const point = position(coordinatesOf(coordinates));
    const query: Extract<GeoQuery, { georel: 'near' }> = { georel: 'near', point };
    for (const modifier of modifiers) {
      const { name, metres } = distanceOf(modifier);
      if (query[name] !== undefined) throw badRequestData(`georel near gives ${name} twice`);
      query[name] = metres;
    }
    return query;
  }
  if (relation === 'within') {
    if (modifiers.length) throw badRequestData('georel within takes no modifiers');
    if (geometry !== 'Polygon') throw badRequestData('georel within takes geometry=Polygon');
    const rings = coordinatesOf(coordinates);
    if (!Array.isArray(rings) || rings.length === 0 || !rings.every(Array.isArray)) {
      throw badRequestData('A Polygon is an array of linear rings, e.g. [[[106.8,11.5],[106.9,11.5],[106.9,11.6],[106.8,11.5]]]');
    }
    const parsed = (rings as unknown[][]).map((ring) => ring.map(position));
    if (parsed.flat().length > MAX_POSITIONS) throw badRequestData(`A Polygon may have at most ${MAX_POSITIONS} positions`);
    for (const ring of parsed) {
      const [first, last] = [ring[0], ring[ring.length - 1]];
      if (ring.length < 4 || first[0] !== last[0] || first[1] !== last[1]) {
        throw badRequestData('Each ring of a Polygon has at least 4 positions and ends where it starts');
      }
    }
    return { georel: 'within', rings: parsed };
  }
  if (UNSUPPORTED_GEORELS.includes(relation)) throw operationNotSupported(`georel ${relation} is not supported here; use near or within`);
  throw badRequestData('georel must be near;maxDistance==<metres> or within');
}

/** Great-circle distance in metres (haversine on the mean Earth radius: ample for a province). */
export function distanceMetres([lon1, lat1]: Position, [lon2, lat2]: Position): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Ray casting: whether the point lies inside the ring. */
function inRing([x, y]: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function matchesGeoQuery(entity: NgsiEntity, query: GeoQuery): boolean {
  const place = entity.attributes.location;
  if (!place || place.type !== 'GeoProperty') return false;
  const point = place.value.coordinates;
  if (query.georel === 'near') {
    const distance = distanceMetres(point, query.point);
    return (
      (query.maxDistance === undefined || distance <= query.maxDistance) &&
      (query.minDistance === undefined || distance >= query.minDistance)
    );
  }
  const [outer, ...holes] = query.rings;
  return inRing(point, outer) && !holes.some((hole) => inRing(point, hole));
}
