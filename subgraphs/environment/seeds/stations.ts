import { StationKind } from '../src/vocabulary';

/**
 * The parents of the demo directory's units the stations sit in (subgraphs/directory/seeds/data.ts):
 * the lineage of a seeded station is built from it, since the directory may not be up when this
 * subgraph starts. Stations created later take their lineage from the directory itself.
 */
export const UNIT_PARENTS: Record<string, string | null> = {
  '70': null,
  '688': '70',
  '689': '70',
  '692': '70',
  '695': '70',
  '696': '70',
  '697': '70',
  'BP-689-TANPHU': '689',
  'BP-689-TANBINH': '689',
  'BP-689-TANXUAN': '689',
  'BP-689-TIENTHANH': '689',
  'BP-688-LONGPHUOC': '688',
  'BP-688-THACMO': '688',
  'BP-688-SONGIANG': '688',
  'BP-692-LOCNINH': '692',
  'BP-695-TANPHU': '695',
  'BP-696-DUCPHONG': '696',
  'BP-697-MINHHUNG': '697',
  'BP-697-HUNGLONG': '697',
};

export interface StationSeed {
  code: string;
  kind: StationKind;
  nameVi: string;
  nameEn: string;
  unit: string;
  lat: number;
  lng: number;
  /** Alarm levels I, II, III (m) of a water level gauge (demo values, not the official decision). */
  alarmLevels?: [number, number, number];
}

export const stations: StationSeed[] = [
  {
    code: 'BP-KK-DX01',
    kind: StationKind.AIR,
    nameVi: 'Trạm quan trắc không khí tự động Đồng Xoài (Sở TN&MT)',
    nameEn: 'Dong Xoai automatic air monitoring station',
    unit: 'BP-689-TANPHU',
    lat: 11.5365,
    lng: 106.8942,
  },
  {
    code: 'BP-KK-DX02',
    kind: StationKind.AIR,
    nameVi: 'Trạm quan trắc không khí Tiến Thành (Quốc lộ 14)',
    nameEn: 'Tien Thanh air station (National Road 14)',
    unit: 'BP-689-TIENTHANH',
    lat: 11.5012,
    lng: 106.8703,
  },
  {
    code: 'BP-KK-CT01',
    kind: StationKind.AIR,
    nameVi: 'Trạm quan trắc không khí KCN Minh Hưng – Hàn Quốc (Chơn Thành)',
    nameEn: 'Minh Hung – Korea industrial park air station (Chon Thanh)',
    unit: 'BP-697-MINHHUNG',
    lat: 11.4178,
    lng: 106.6563,
  },
  {
    code: 'BP-KK-CT02',
    kind: StationKind.AIR,
    nameVi: 'Trạm quan trắc không khí KCN Chơn Thành I',
    nameEn: 'Chon Thanh I industrial park air station',
    unit: 'BP-697-HUNGLONG',
    lat: 11.4486,
    lng: 106.6047,
  },
  {
    code: 'BP-KK-PL01',
    kind: StationKind.AIR,
    nameVi: 'Trạm quan trắc không khí Phước Long',
    nameEn: 'Phuoc Long air station',
    unit: 'BP-688-LONGPHUOC',
    lat: 11.8158,
    lng: 106.9868,
  },
  {
    code: 'BP-ON-DX01',
    kind: StationKind.NOISE,
    nameVi: 'Trạm đo tiếng ồn ngã tư Đồng Xoài',
    nameEn: 'Dong Xoai crossroads noise station',
    unit: 'BP-689-TANBINH',
    lat: 11.5291,
    lng: 106.8879,
  },
  {
    code: 'BP-MUA-DX',
    kind: StationKind.RAIN_GAUGE,
    nameVi: 'Trạm đo mưa tự động Đồng Xoài',
    nameEn: 'Dong Xoai automatic rain gauge',
    unit: 'BP-689-TANXUAN',
    lat: 11.5523,
    lng: 106.9008,
  },
  {
    code: 'BP-MUA-BD',
    kind: StationKind.RAIN_GAUGE,
    nameVi: 'Trạm đo mưa tự động Đức Phong (Bù Đăng)',
    nameEn: 'Duc Phong automatic rain gauge (Bu Dang)',
    unit: 'BP-696-DUCPHONG',
    lat: 11.8093,
    lng: 107.2418,
  },
  {
    code: 'BP-MUA-LN',
    kind: StationKind.RAIN_GAUGE,
    nameVi: 'Trạm đo mưa tự động Lộc Ninh',
    nameEn: 'Loc Ninh automatic rain gauge',
    unit: 'BP-692-LOCNINH',
    lat: 11.8374,
    lng: 106.5896,
  },
  {
    code: 'BP-TV-THACMO',
    kind: StationKind.WATER_LEVEL,
    nameVi: 'Trạm đo mực nước hồ Thác Mơ',
    nameEn: 'Thac Mo reservoir water level gauge',
    unit: 'BP-688-THACMO',
    lat: 11.8472,
    lng: 107.0021,
    alarmLevels: [216.5, 217.5, 218.0],
  },
  {
    code: 'BP-TV-PL',
    kind: StationKind.WATER_LEVEL,
    nameVi: 'Trạm thủy văn Phước Long (sông Bé)',
    nameEn: 'Phuoc Long hydrological station (Be river)',
    unit: 'BP-688-SONGIANG',
    lat: 11.8612,
    lng: 106.9788,
    alarmLevels: [120.5, 122.0, 123.5],
  },
  {
    code: 'BP-TV-DP',
    kind: StationKind.WATER_LEVEL,
    nameVi: 'Trạm đo mực nước sông Bé (Đồng Phú)',
    nameEn: 'Be river water level gauge (Dong Phu)',
    unit: 'BP-695-TANPHU',
    lat: 11.5204,
    lng: 106.9497,
    alarmLevels: [35.0, 36.5, 38.0],
  },
];

/** The codes from the province down to a unit (the unit last). */
export function unitCodeLineage(code: string): string[] {
  const lineage: string[] = [];
  for (let current: string | null | undefined = code; current; current = UNIT_PARENTS[current]) {
    if (!(current in UNIT_PARENTS)) throw new Error(`demo unit ${current} has no known parent`);
    lineage.unshift(current);
  }
  return lineage;
}
