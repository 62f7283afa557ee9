/**
 * The demo street lighting and waste collection of Bình Phước, in the demo directory's real units
 * (subgraphs/directory/seeds/data.ts): Đồng Xoài's wards, Chơn Thành and Bình Long. Coordinates are
 * of the streets named; lamp counts and schedules are demo values.
 */

/** The parents of the units below: a seeded record's lineage is built from it, since the directory may not be up yet. */
export const UNIT_PARENTS: Record<string, string | null> = {
  '70': null,
  '689': '70',
  '690': '70',
  '697': '70',
  'BP-689-TANPHU': '689',
  'BP-689-TANDONG': '689',
  'BP-689-TANBINH': '689',
  'BP-689-TIENTHANH': '689',
  'BP-690-ANLOC': '690',
  'BP-697-MINHHUNG': '697',
  'BP-697-HUNGLONG': '697',
};

/** The codes from the province down to a unit (the unit last). */
export function unitCodeLineage(code: string): string[] {
  const lineage: string[] = [];
  for (let current: string | null | undefined = code; current; current = UNIT_PARENTS[current]) {
    if (!(current in UNIT_PARENTS)) throw new Error(`demo unit ${current} has no known parent`);
    lineage.unshift(current);
  }
  return lineage;
}

export interface CabinetSeed {
  code: string;
  nameVi: string;
  nameEn: string;
  unit: string;
  lat: number;
  lng: number;
  /** Its circuits: the street each lights (vi, en) and its lamps. */
  circuits: [nameVi: string, nameEn: string, lamps: number][];
}

export const cabinets: CabinetSeed[] = [
  {
    code: 'BP-CS-DX-01',
    nameVi: 'Tủ chiếu sáng đường Phú Riềng Đỏ (phường Tân Phú)',
    nameEn: 'Phu Rieng Do street lighting cabinet (Tan Phu ward)',
    unit: 'BP-689-TANPHU',
    lat: 11.5366,
    lng: 106.8893,
    circuits: [
      ['Đường Phú Riềng Đỏ, đoạn vòng xoay – Hùng Vương', 'Phu Rieng Do St, roundabout – Hung Vuong', 48],
      ['Đường Hùng Vương, đoạn Phú Riềng Đỏ – Trần Hưng Đạo', 'Hung Vuong St, Phu Rieng Do – Tran Hung Dao', 36],
    ],
  },
  {
    code: 'BP-CS-DX-02',
    nameVi: 'Tủ chiếu sáng Quốc lộ 14 (phường Tân Bình)',
    nameEn: 'National Road 14 lighting cabinet (Tan Binh ward)',
    unit: 'BP-689-TANBINH',
    lat: 11.5281,
    lng: 106.8997,
    circuits: [
      ['Quốc lộ 14, đoạn ngã tư Tân Bình', 'NR14 at Tan Binh crossroads', 60],
      ['Đường Trần Hưng Đạo, phường Tân Bình', 'Tran Hung Dao St, Tan Binh ward', 30],
    ],
  },
  {
    code: 'BP-CS-DX-03',
    nameVi: 'Tủ chiếu sáng đường Lê Duẩn (phường Tân Đồng)',
    nameEn: 'Le Duan street lighting cabinet (Tan Dong ward)',
    unit: 'BP-689-TANDONG',
    lat: 11.5462,
    lng: 106.8812,
    circuits: [['Đường Lê Duẩn, phường Tân Đồng', 'Le Duan St, Tan Dong ward', 42]],
  },
  {
    code: 'BP-CS-CT-01',
    nameVi: 'Tủ chiếu sáng Quốc lộ 13 (Minh Hưng, Chơn Thành)',
    nameEn: 'National Road 13 lighting cabinet (Minh Hung, Chon Thanh)',
    unit: 'BP-697-MINHHUNG',
    lat: 11.4305,
    lng: 106.6052,
    circuits: [
      ['Quốc lộ 13, đoạn trung tâm Chơn Thành', 'NR13, Chon Thanh centre', 54],
      ['Đường vào KCN Minh Hưng – Hàn Quốc', 'Minh Hung – Korea industrial park road', 40],
    ],
  },
  {
    code: 'BP-CS-BL-01',
    nameVi: 'Tủ chiếu sáng đường Nguyễn Huệ (phường An Lộc, Bình Long)',
    nameEn: 'Nguyen Hue street lighting cabinet (An Loc ward, Binh Long)',
    unit: 'BP-690-ANLOC',
    lat: 11.6541,
    lng: 106.6071,
    circuits: [['Đường Nguyễn Huệ, phường An Lộc', 'Nguyen Hue St, An Loc ward', 38]],
  },
];

/** The circuit codes of a cabinet: `<cabinet>-L1`, `-L2`… */
export const circuitCode = (cabinet: string, index: number) => `${cabinet}-L${index + 1}`;

export interface PointSeed {
  code: string;
  nameVi: string;
  nameEn: string;
  unit: string;
  lat: number;
  lng: number;
  /** ISO weekdays it is collected on. */
  days: number[];
}

const DAILY = [1, 2, 3, 4, 5, 6, 7];
export const points: PointSeed[] = [
  {
    code: 'BP-RAC-DX-01',
    nameVi: 'Điểm tập kết rác chợ Đồng Xoài',
    nameEn: 'Dong Xoai market waste point',
    unit: 'BP-689-TANPHU',
    lat: 11.5349,
    lng: 106.8887,
    days: DAILY,
  },
  {
    code: 'BP-RAC-DX-02',
    nameVi: 'Điểm tập kết rác đường Hùng Vương',
    nameEn: 'Hung Vuong street waste point',
    unit: 'BP-689-TANPHU',
    lat: 11.5391,
    lng: 106.8948,
    days: DAILY,
  },
  {
    code: 'BP-RAC-DX-03',
    nameVi: 'Điểm tập kết rác khu phố Tân Trà, phường Tân Bình',
    nameEn: 'Tan Tra quarter waste point, Tan Binh ward',
    unit: 'BP-689-TANBINH',
    lat: 11.5262,
    lng: 106.9031,
    days: [1, 3, 5],
  },
  {
    code: 'BP-RAC-DX-04',
    nameVi: 'Điểm tập kết rác chợ Tiến Thành',
    nameEn: 'Tien Thanh market waste point',
    unit: 'BP-689-TIENTHANH',
    lat: 11.5029,
    lng: 106.8731,
    days: [2, 4, 6],
  },
  {
    code: 'BP-RAC-CT-01',
    nameVi: 'Điểm tập kết rác chợ Chơn Thành',
    nameEn: 'Chon Thanh market waste point',
    unit: 'BP-697-MINHHUNG',
    lat: 11.4318,
    lng: 106.6038,
    days: DAILY,
  },
  {
    code: 'BP-RAC-BL-01',
    nameVi: 'Điểm tập kết rác chợ Bình Long',
    nameEn: 'Binh Long market waste point',
    unit: 'BP-690-ANLOC',
    lat: 11.6536,
    lng: 106.6059,
    days: DAILY,
  },
];

export interface TruckSeed {
  code: string;
  nameVi: string;
  nameEn: string;
  plate: string;
  unit: string;
  /** The points it serves, in route order. */
  route: string[];
}

export const trucks: TruckSeed[] = [
  {
    code: 'BP-XE-RAC-DX-01',
    nameVi: 'Xe ép rác Đồng Xoài số 1',
    nameEn: 'Dong Xoai compactor truck 1',
    plate: '93C-045.12',
    unit: '689',
    route: ['BP-RAC-DX-01', 'BP-RAC-DX-02', 'BP-RAC-DX-03', 'BP-RAC-DX-04'],
  },
  {
    code: 'BP-XE-RAC-CT-01',
    nameVi: 'Xe ép rác Chơn Thành',
    nameEn: 'Chon Thanh compactor truck',
    plate: '93C-067.45',
    unit: '697',
    route: ['BP-RAC-CT-01'],
  },
  {
    code: 'BP-XE-RAC-BL-01',
    nameVi: 'Xe ép rác Bình Long',
    nameEn: 'Binh Long compactor truck',
    plate: '93C-078.90',
    unit: '690',
    route: ['BP-RAC-BL-01'],
  },
];
