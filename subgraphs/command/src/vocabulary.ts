import { registerEnumType } from 'type-graphql';

/** Kinds of emergency that have a playbook (kịch bản ứng phó). */
export enum EmergencyType {
  FLOOD = 'FLOOD',
  STORM = 'STORM',
  LARGE_FIRE = 'LARGE_FIRE',
  MASS_DISORDER = 'MASS_DISORDER',
  EPIDEMIC = 'EPIDEMIC',
}
registerEnumType(EmergencyType, {
  name: 'EmergencyType',
  description: 'Lũ lụt và sạt lở, bão và dông lốc, cháy lớn, tụ tập đông người gây rối, dịch bệnh',
});

/**
 * The directory's agency kinds, as playbooks name them. Kept identical to the directory's enum: the
 * gateway composes both into one `AgencyKind`.
 */
export enum AgencyKind {
  PROVINCIAL_PEOPLES_COMMITTEE = 'PROVINCIAL_PEOPLES_COMMITTEE',
  OPERATIONS_CENTER = 'OPERATIONS_CENTER',
  PROVINCIAL_DEPARTMENT = 'PROVINCIAL_DEPARTMENT',
  POLICE = 'POLICE',
  FIRE_AND_RESCUE = 'FIRE_AND_RESCUE',
  HEALTH = 'HEALTH',
  MILITARY = 'MILITARY',
  PEOPLES_COMMITTEE = 'PEOPLES_COMMITTEE',
  PUBLIC_SERVICE = 'PUBLIC_SERVICE',
}
registerEnumType(AgencyKind, {
  name: 'AgencyKind',
  description: 'UBND tỉnh, trung tâm IOC, sở/ngành, công an, PCCC & CNCH, y tế, quân sự, UBND cấp huyện/xã, đơn vị dịch vụ công',
});

/** What an operation mobilises (lực lượng, phương tiện, vật tư); `quantity` counts the unit named here. */
export enum ResourceKind {
  RESCUE_TEAM = 'RESCUE_TEAM',
  MEDICAL_TEAM = 'MEDICAL_TEAM',
  POLICE_FORCE = 'POLICE_FORCE',
  MILITARY_FORCE = 'MILITARY_FORCE',
  BOAT = 'BOAT',
  FIRE_TRUCK = 'FIRE_TRUCK',
  WATER_TANKER = 'WATER_TANKER',
  AMBULANCE = 'AMBULANCE',
  TRUCK = 'TRUCK',
  EXCAVATOR = 'EXCAVATOR',
  PUMP = 'PUMP',
  GENERATOR = 'GENERATOR',
  SPRAYER = 'SPRAYER',
  DRONE = 'DRONE',
  COMMUNICATIONS = 'COMMUNICATIONS',
  SHELTER = 'SHELTER',
  TENT = 'TENT',
  LIFE_JACKET = 'LIFE_JACKET',
  SANDBAG = 'SANDBAG',
  FOOD_SUPPLY = 'FOOD_SUPPLY',
  OTHER = 'OTHER',
}
registerEnumType(ResourceKind, {
  name: 'ResourceKind',
  description:
    'Đội cứu hộ, đội y tế cơ động, lực lượng công an (người), lực lượng quân đội – dân quân (người), xuồng – ca nô, xe chữa cháy, ' +
    'xe bồn chở nước, xe cứu thương, xe tải, máy xúc – máy ủi, máy bơm, máy phát điện, máy phun hóa chất, thiết bị bay, ' +
    'thiết bị thông tin liên lạc, điểm sơ tán, lều bạt, áo phao, bao cát, suất lương thực – nước uống, khác',
});
