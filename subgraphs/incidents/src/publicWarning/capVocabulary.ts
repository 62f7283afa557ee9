import { registerEnumType } from 'type-graphql';
import { Sector } from '../vocabulary';

/** Where a public warning stands. EXPIRED is reached by time: a warning past `expires` is read as EXPIRED. */
export enum PublicWarningState {
  ACTIVE = 'ACTIVE',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(PublicWarningState, {
  name: 'PublicWarningState',
  description: 'Where a public warning (cảnh báo công khai) stands',
  valuesConfig: {
    ACTIVE: { description: 'In force: published until it expires (đang hiệu lực)' },
    CANCELLED: { description: 'Ended by the center before it expired (đã hủy)' },
    EXPIRED: { description: 'Its expiry time has passed (đã hết hạn)' },
  },
});

/** CAP 1.2 `msgType`, narrowed to the three the hub sends. */
export enum CapMessageType {
  ALERT = 'ALERT',
  UPDATE = 'UPDATE',
  CANCEL = 'CANCEL',
}
registerEnumType(CapMessageType, {
  name: 'CapMessageType',
  description: 'What a CAP message does (CAP 1.2 msgType)',
  valuesConfig: {
    ALERT: { description: 'The first message of a warning (Alert)' },
    UPDATE: { description: 'Replaces the earlier messages of the warning (Update)' },
    CANCEL: { description: 'Ends the warning (Cancel)' },
  },
});

/** CAP 1.2 `category`: the kind of event, as CAP names it. */
export enum CapCategory {
  GEO = 'GEO',
  MET = 'MET',
  SAFETY = 'SAFETY',
  SECURITY = 'SECURITY',
  RESCUE = 'RESCUE',
  FIRE = 'FIRE',
  HEALTH = 'HEALTH',
  ENV = 'ENV',
  TRANSPORT = 'TRANSPORT',
  INFRA = 'INFRA',
  CBRNE = 'CBRNE',
  OTHER = 'OTHER',
}
registerEnumType(CapCategory, {
  name: 'CapCategory',
  description: 'Kind of event of a public warning, on the CAP 1.2 category list',
  valuesConfig: {
    GEO: { description: 'Geophysical, including landslide (Geo)' },
    MET: { description: 'Meteorological, including flood and storm (Met)' },
    SAFETY: { description: 'General emergency and public safety (Safety)' },
    SECURITY: { description: 'Law enforcement, military, homeland and local/private security (Security)' },
    RESCUE: { description: 'Rescue and recovery (Rescue)' },
    FIRE: { description: 'Fire suppression and rescue (Fire)' },
    HEALTH: { description: 'Medical and public health (Health)' },
    ENV: { description: 'Pollution and other environmental (Env)' },
    TRANSPORT: { description: 'Public and private transportation (Transport)' },
    INFRA: { description: 'Utility, telecommunication, other non-transport infrastructure (Infra)' },
    CBRNE: { description: 'Chemical, biological, radiological, nuclear or high-yield explosive threat or attack (CBRNE)' },
    OTHER: { description: 'Other events (Other)' },
  },
});

/** CAP 1.2 `responseType`: what the public is told to do. */
export enum CapResponseType {
  SHELTER = 'SHELTER',
  EVACUATE = 'EVACUATE',
  PREPARE = 'PREPARE',
  EXECUTE = 'EXECUTE',
  AVOID = 'AVOID',
  MONITOR = 'MONITOR',
  ASSESS = 'ASSESS',
  ALL_CLEAR = 'ALL_CLEAR',
  NONE = 'NONE',
}
registerEnumType(CapResponseType, {
  name: 'CapResponseType',
  description: 'What the public should do, on the CAP 1.2 responseType list',
  valuesConfig: {
    SHELTER: { description: 'Take shelter in place (Shelter)' },
    EVACUATE: { description: 'Relocate (Evacuate)' },
    PREPARE: { description: 'Make preparations (Prepare)' },
    EXECUTE: { description: 'Execute a pre-planned activity (Execute)' },
    AVOID: { description: 'Avoid the hazard (Avoid)' },
    MONITOR: { description: 'Attend to information sources (Monitor)' },
    ASSESS: { description: 'Evaluate the information (Assess)' },
    ALL_CLEAR: { description: 'The hazard is over (AllClear)' },
    NONE: { description: 'No action recommended (None)' },
  },
});

/**
 * The CAP category a warning takes from its alert's sector unless the operator names one: the
 * closest CAP word for the sector's usual events (floods and air quality are the environment sector's).
 */
export const CAP_CATEGORY_OF_SECTOR: Record<Sector, CapCategory> = {
  [Sector.SECURITY]: CapCategory.SECURITY,
  [Sector.URBAN_ORDER]: CapCategory.INFRA,
  [Sector.EMERGENCY]: CapCategory.RESCUE,
  [Sector.E_GOVERNMENT]: CapCategory.OTHER,
  [Sector.TRAFFIC]: CapCategory.TRANSPORT,
  [Sector.ENVIRONMENT]: CapCategory.ENV,
  [Sector.HEALTH]: CapCategory.HEALTH,
};
