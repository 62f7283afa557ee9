import { registerEnumType } from 'type-graphql';

export { AgencyKind } from '@ioc-graph/platform';

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
  description: 'Kind of emergency that has a playbook (loại tình huống khẩn cấp)',
  valuesConfig: {
    FLOOD: { description: 'Flood and landslide (lũ lụt và sạt lở)' },
    STORM: { description: 'Storm and whirlwind (bão và dông lốc)' },
    LARGE_FIRE: { description: 'Large fire (cháy lớn)' },
    MASS_DISORDER: { description: 'Crowd gathering causing disorder (tụ tập đông người gây rối)' },
    EPIDEMIC: { description: 'Epidemic (dịch bệnh)' },
  },
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
    'What an operation mobilises (lực lượng, phương tiện, vật tư); a quantity counts teams, people, vehicles or items as each value says',
  valuesConfig: {
    RESCUE_TEAM: { description: 'Rescue team (đội cứu hộ), counted in teams' },
    MEDICAL_TEAM: { description: 'Mobile medical team (đội y tế cơ động), counted in teams' },
    POLICE_FORCE: { description: 'Police officers (lực lượng công an), counted in people' },
    MILITARY_FORCE: { description: 'Soldiers and militia (lực lượng quân đội, dân quân), counted in people' },
    BOAT: { description: 'Boat or motor boat (xuồng, ca nô)' },
    FIRE_TRUCK: { description: 'Fire engine (xe chữa cháy)' },
    WATER_TANKER: { description: 'Water tanker (xe bồn chở nước)' },
    AMBULANCE: { description: 'Ambulance (xe cứu thương)' },
    TRUCK: { description: 'Truck (xe tải)' },
    EXCAVATOR: { description: 'Excavator or bulldozer (máy xúc, máy ủi)' },
    PUMP: { description: 'Water pump (máy bơm)' },
    GENERATOR: { description: 'Power generator (máy phát điện)' },
    SPRAYER: { description: 'Chemical sprayer (máy phun hóa chất), e.g. for disinfection' },
    DRONE: { description: 'Drone (thiết bị bay)' },
    COMMUNICATIONS: { description: 'Communications equipment (thiết bị thông tin liên lạc)' },
    SHELTER: { description: 'Evacuation shelter (điểm sơ tán)' },
    TENT: { description: 'Tent or tarpaulin (lều bạt)' },
    LIFE_JACKET: { description: 'Life jacket (áo phao)' },
    SANDBAG: { description: 'Sandbag (bao cát)' },
    FOOD_SUPPLY: { description: 'Food and drinking water ration (suất lương thực, nước uống)' },
    OTHER: { description: 'Anything else (khác): say what in the note' },
  },
});
