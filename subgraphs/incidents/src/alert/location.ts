import type { GeoPointInput } from '@ioc-graph/platform';
import type { IncidentsContext } from '../context';

export interface Located {
  latitude: number | null;
  longitude: number | null;
  unitId: string | null;
  unitLineage: string[];
}

/** Where an input says something happened: its point and unit, the unit's lineage fetched from the directory. */
export async function locate(
  ctx: IncidentsContext,
  input: { location?: GeoPointInput | null; unitId?: string | null },
  unitField = 'unitId',
): Promise<Located> {
  const unit = input.unitId ? await ctx.directory.unit(input.unitId, unitField) : null;
  return {
    latitude: input.location?.latitude ?? null,
    longitude: input.location?.longitude ?? null,
    unitId: unit?.id ?? null,
    unitLineage: unit?.lineage ?? [],
  };
}
