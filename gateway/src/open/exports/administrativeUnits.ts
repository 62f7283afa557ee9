import type { Dataset } from './dataset';

interface UnitRow {
  id: string;
  code: string;
  level: string;
  kind: string;
  nameVi: string;
  nameEn: string;
  parent: { id: string; code: string } | null;
  centroid: { latitude: number; longitude: number } | null;
}

interface UnitsData {
  administrativeUnits: { edges: { node: UnitRow }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
}

/** The province's administrative units (đơn vị hành chính): the worked example the other datasets follow. */
export const administrativeUnits: Dataset<UnitRow> = {
  name: 'administrative-units',
  scope: 'administrative-units',
  titleVi: 'Đơn vị hành chính',
  titleEn: 'Administrative units',
  descriptionEn:
    'The province and its communes and wards (and older districts), with national unit codes, names in Vietnamese and English and a centre point',
  keywords: ['đơn vị hành chính', 'xã', 'phường', 'administrative units', 'communes', 'wards'],
  updateFrequency: 'irregular',
  maxAgeSeconds: 3600,
  operation: 'OpenAdministrativeUnits',
  page(data) {
    const { edges, pageInfo } = (data as UnitsData).administrativeUnits;
    return { rows: edges.map((edge) => edge.node), endCursor: pageInfo.hasNextPage ? pageInfo.endCursor : null };
  },
  columns: [
    { name: 'id', description: 'Unique id (UUID)', value: (unit) => unit.id },
    { name: 'code', description: 'National unit code (mã đơn vị hành chính) where known', value: (unit) => unit.code },
    { name: 'level', description: 'Tier: PROVINCE, DISTRICT or COMMUNE', value: (unit) => unit.level },
    { name: 'kind', description: 'Legal kind, e.g. WARD, COMMUNE', value: (unit) => unit.kind },
    { name: 'name_vi', description: 'Name in Vietnamese', value: (unit) => unit.nameVi },
    { name: 'name_en', description: 'Name in English', value: (unit) => unit.nameEn },
    { name: 'parent_code', description: 'Code of the unit it belongs to; empty for the province', value: (unit) => unit.parent?.code },
    { name: 'latitude', description: 'Latitude of its centre (WGS 84)', value: (unit) => unit.centroid?.latitude },
    { name: 'longitude', description: 'Longitude of its centre (WGS 84)', value: (unit) => unit.centroid?.longitude },
  ],
  filters: {
    level: {
      description: 'Only units of this tier: PROVINCE, DISTRICT or COMMUNE',
      variables: (level) => ({ level }),
    },
  },
  id: (unit) => unit.id,
  place: (unit) => unit.centroid,
};
