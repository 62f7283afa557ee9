/**
 * The shape of the directory's demo data. Parents and agencies are referred to by code, so that the
 * data reads as a table and the seeder can resolve references in any order.
 */
export type UnitLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
export type UnitKind = 'PROVINCE' | 'PROVINCIAL_CITY' | 'TOWN' | 'RURAL_DISTRICT' | 'WARD' | 'COMMUNE' | 'TOWNSHIP';

export interface UnitSeed {
  /** National administrative unit code where known (GSO list), otherwise a local code prefixed `BP-`. */
  code: string;
  level: UnitLevel;
  kind: UnitKind;
  nameVi: string;
  nameEn: string;
  /** Code of the parent unit; absent for the province. */
  parent?: string;
  /** Approximate centre, WGS 84. */
  lat: number;
  lng: number;
}

export type AgencyKind =
  | 'PROVINCIAL_PEOPLES_COMMITTEE'
  | 'PROVINCIAL_DEPARTMENT'
  | 'POLICE'
  | 'FIRE_AND_RESCUE'
  | 'HEALTH'
  | 'MILITARY'
  | 'PEOPLES_COMMITTEE'
  | 'PUBLIC_SERVICE'
  | 'OPERATIONS_CENTER';

export interface AgencySeed {
  code: string;
  kind: AgencyKind;
  nameVi: string;
  nameEn: string;
  /** Code of the administrative unit the agency is competent for. */
  jurisdiction: string;
  phone?: string;
  email?: string;
  address?: string;
}

export type FieldUnitKind =
  | 'FIRE_TRUCK'
  | 'AMBULANCE'
  | 'POLICE_PATROL'
  | 'TRAFFIC_POLICE'
  | 'RESCUE_TEAM'
  | 'URBAN_ORDER_TEAM'
  | 'ENVIRONMENT_TEAM'
  | 'UTILITY_CREW';

export interface FieldUnitSeed {
  code: string;
  /** Radio call sign. */
  callSign: string;
  kind: FieldUnitKind;
  nameVi: string;
  nameEn: string;
  agency: string;
  /** People the unit carries or fields. */
  capacity: number;
  /** Code of the administrative unit of its home base. */
  homeUnit: string;
  homeAddress: string;
  homeLat: number;
  homeLng: number;
}

export type Role = 'LEADER' | 'OPERATOR' | 'AGENCY_STAFF' | 'FIELD_OFFICER' | 'PARTNER' | 'SYSTEM';

export interface PersonSeed {
  /** The `sub` of this person's tokens. */
  subject: string;
  fullName: string;
  roles: Role[];
  agency?: string;
  fieldUnit?: string;
  /** Administrative scope (unit code) of the person's work, where narrower than the agency's. */
  scope?: string;
  phone?: string;
  email?: string;
  title?: string;
}
