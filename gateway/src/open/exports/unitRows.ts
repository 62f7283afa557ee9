import type { DatasetColumn, DatasetPage } from './dataset';

/** An administrative unit as the per-unit datasets (traffic, public services) read it. */
export interface UnitRow {
  id: string;
  code: string;
  level: string;
  nameVi: string;
  nameEn: string;
  centroid: { latitude: number; longitude: number } | null;
}

/** The rows of an `administrativeUnits` page. */
export function unitPage<Row extends UnitRow>(data: unknown): DatasetPage<Row> {
  const { edges, pageInfo } = (
    data as { administrativeUnits: { edges: { node: Row }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } }
  ).administrativeUnits;
  return { rows: edges.map((edge) => edge.node), endCursor: pageInfo.hasNextPage ? pageInfo.endCursor : null };
}

/** The columns that say which unit a row is about, first in every per-unit dataset. */
export function unitColumns<Row extends UnitRow>(): DatasetColumn<Row>[] {
  return [
    { name: 'unit_id', description: 'Id of the administrative unit (UUID)', value: (row) => row.id },
    { name: 'unit_code', description: 'National unit code', value: (row) => row.code },
    { name: 'level', description: 'Tier: PROVINCE, DISTRICT or COMMUNE', value: (row) => row.level },
    { name: 'name_vi', description: 'Name in Vietnamese', value: (row) => row.nameVi },
    { name: 'name_en', description: 'Name in English', value: (row) => row.nameEn },
    { name: 'latitude', description: 'Latitude of its centre (WGS 84)', value: (row) => row.centroid?.latitude },
    { name: 'longitude', description: 'Longitude of its centre (WGS 84)', value: (row) => row.centroid?.longitude },
  ];
}

export const UNIT_LEVELS = ['PROVINCE', 'DISTRICT', 'COMMUNE'];
