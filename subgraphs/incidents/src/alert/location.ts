import type { GeoPointInput } from '@ioc-graph/platform';
import type { IncidentsContext } from '../common';

export interface Located {
  latitude: number | null;
  longitude: number | null;
  unitId: string | null;
  unitLineage: string[];
}

/** Where an input says something happened: its point and unit, the unit's lineage fetched from the directory. */
export async function locate(ctx: IncidentsContext, input: { location?: GeoPointInput | null; unitId?: string | null }, unitField = 'unitId'): Promise<Located> {
  const unit = input.unitId ? await ctx.directory.unit(input.unitId, unitField) : null;
  return {
    latitude: input.location?.latitude ?? null,
    longitude: input.location?.longitude ?? null,
    unitId: unit?.id ?? null,
    unitLineage: unit?.lineage ?? [],
  };
}

const EARTH_RADIUS_M = 6_371_000;

/** Great-circle distance in metres. */
export function distanceMeters(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLng = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
}
