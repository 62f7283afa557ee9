/** Categories of the incidents catalogue handled by dispatching units, and the unit kinds each calls for. */
export const categoryNeeds: { categoryCode: string; unitKinds: string[] }[] = [
  { categoryCode: 'EMG_FIRE', unitKinds: ['FIRE_TRUCK', 'RESCUE_TEAM', 'AMBULANCE'] },
  { categoryCode: 'EMG_DROWNING', unitKinds: ['RESCUE_TEAM', 'AMBULANCE'] },
  { categoryCode: 'EMG_FOREST_FIRE', unitKinds: ['FIRE_TRUCK', 'RESCUE_TEAM'] },
  { categoryCode: 'EMG_LANDSLIDE', unitKinds: ['RESCUE_TEAM', 'AMBULANCE'] },
  { categoryCode: 'TRF_ACCIDENT', unitKinds: ['AMBULANCE', 'TRAFFIC_POLICE', 'POLICE_PATROL'] },
  { categoryCode: 'TRF_CONGESTION', unitKinds: ['TRAFFIC_POLICE'] },
  { categoryCode: 'HLT_MEDICAL_EMERGENCY', unitKinds: ['AMBULANCE'] },
  { categoryCode: 'SEC_PUBLIC_DISORDER', unitKinds: ['POLICE_PATROL'] },
  { categoryCode: 'SEC_THEFT', unitKinds: ['POLICE_PATROL'] },
  { categoryCode: 'URB_FALLEN_TREE', unitKinds: ['UTILITY_CREW', 'URBAN_ORDER_TEAM'] },
];
