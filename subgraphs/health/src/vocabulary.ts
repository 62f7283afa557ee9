import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** The bucket of a time series, aligned to Asia/Ho_Chi_Minh (shared by every subgraph). */
export { SeriesBucket as Bucket } from '@ioc-graph/platform';

/** A name in both languages of the center's screens. */
export interface Names {
  nameVi: string;
  nameEn: string;
}

/** Registers a GraphQL enum whose values are described by their English and Vietnamese names. */
function registerNamed(values: object, name: string, description: string, names: Record<string, Names>): void {
  registerEnumType(values, {
    name,
    description,
    valuesConfig: Object.fromEntries(Object.entries(names).map(([value, n]) => [value, { description: `${n.nameEn} (${n.nameVi})` }])),
  });
}

/** What a health facility is (loại cơ sở y tế). */
export enum FacilityKind {
  GENERAL_HOSPITAL = 'GENERAL_HOSPITAL',
  SPECIALIZED_HOSPITAL = 'SPECIALIZED_HOSPITAL',
  HEALTH_CENTRE = 'HEALTH_CENTRE',
  COMMUNE_HEALTH_STATION = 'COMMUNE_HEALTH_STATION',
}
export const FACILITY_KIND_NAMES: Record<FacilityKind, Names> = {
  GENERAL_HOSPITAL: { nameVi: 'Bệnh viện đa khoa', nameEn: 'General hospital' },
  SPECIALIZED_HOSPITAL: { nameVi: 'Bệnh viện chuyên khoa', nameEn: 'Specialized hospital' },
  HEALTH_CENTRE: { nameVi: 'Trung tâm y tế huyện, thị xã, thành phố', nameEn: 'District health centre' },
  COMMUNE_HEALTH_STATION: { nameVi: 'Trạm y tế xã, phường, thị trấn', nameEn: 'Commune health station' },
};
registerNamed(FacilityKind, 'FacilityKind', 'What a health facility is (loại cơ sở y tế)', FACILITY_KIND_NAMES);

/** The level of the health system a facility belongs to (tuyến). */
export enum FacilityLevel {
  PROVINCIAL = 'PROVINCIAL',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
}
export const FACILITY_LEVEL_NAMES: Record<FacilityLevel, Names> = {
  PROVINCIAL: { nameVi: 'Tuyến tỉnh', nameEn: 'Provincial level' },
  DISTRICT: { nameVi: 'Tuyến huyện', nameEn: 'District level' },
  COMMUNE: { nameVi: 'Tuyến xã', nameEn: 'Commune level' },
};
registerNamed(FacilityLevel, 'FacilityLevel', 'The level of the health system a facility belongs to (tuyến)', FACILITY_LEVEL_NAMES);

/** A notifiable communicable disease under surveillance (bệnh truyền nhiễm phải báo cáo). */
export enum Disease {
  DENGUE = 'DENGUE',
  HAND_FOOT_MOUTH = 'HAND_FOOT_MOUTH',
  MEASLES = 'MEASLES',
  COVID_19 = 'COVID_19',
}
export const DISEASE_NAMES: Record<Disease, Names> = {
  DENGUE: { nameVi: 'Sốt xuất huyết Dengue', nameEn: 'Dengue fever' },
  HAND_FOOT_MOUTH: { nameVi: 'Tay chân miệng', nameEn: 'Hand, foot and mouth disease' },
  MEASLES: { nameVi: 'Sởi', nameEn: 'Measles' },
  COVID_19: { nameVi: 'COVID-19', nameEn: 'COVID-19' },
};
registerNamed(Disease, 'Disease', 'A notifiable communicable disease under surveillance (bệnh truyền nhiễm phải báo cáo)', DISEASE_NAMES);

/** One term of the sector's vocabulary with its names, for screens in either language. */
@ObjectType({
  description: 'A term of the health vocabulary (a disease, a kind or level of facility) with its Vietnamese and English names',
})
export class HealthTerm {
  @Field({ description: 'The enum value, e.g. DENGUE' })
  code!: string;

  @Field({ description: 'Name in Vietnamese (tên tiếng Việt)' })
  nameVi!: string;

  @Field({ description: 'Name in English' })
  nameEn!: string;
}

export const termsOf = (names: Record<string, Names>): HealthTerm[] => Object.entries(names).map(([code, n]) => ({ code, ...n }));
