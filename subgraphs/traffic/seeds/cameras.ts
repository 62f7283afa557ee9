/**
 * The parents of the demo directory's units the cameras and segments sit in
 * (subgraphs/directory/seeds/data.ts): the lineage of a seeded camera is built from it, since the
 * directory may not be up when this subgraph starts.
 */
export const UNIT_PARENTS: Record<string, string | null> = {
  '70': null,
  '688': '70',
  '689': '70',
  '690': '70',
  '697': '70',
  '698': '70',
  'BP-689-TANPHU': '689',
  'BP-689-TANBINH': '689',
  'BP-689-TANXUAN': '689',
  'BP-689-TIENTHANH': '689',
  'BP-689-TANTHIEN': '689',
  'BP-688-LONGPHUOC': '688',
  'BP-688-PHUOCBINH': '688',
  'BP-690-ANLOC': '690',
  'BP-697-MINHHUNG': '697',
  'BP-697-HUNGLONG': '697',
  'BP-698-PHURIENG': '698',
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

export interface CameraSeed {
  code: string;
  nameVi: string;
  nameEn: string;
  roadName: string;
  unit: string;
  lat: number;
  lng: number;
}

export const cameras: CameraSeed[] = [
  {
    code: 'BP-CAM-VXDX',
    nameVi: 'Camera vòng xoay Đồng Xoài (QL14 – ĐT741)',
    nameEn: 'Dong Xoai roundabout camera (NR14 – PR741)',
    roadName: 'QL14',
    unit: 'BP-689-TANPHU',
    lat: 11.5357,
    lng: 106.8921,
  },
  {
    code: 'BP-CAM-QL14-TB',
    nameVi: 'Camera QL14 ngã tư Tân Bình, Đồng Xoài',
    nameEn: 'NR14 camera at Tan Binh crossroads, Dong Xoai',
    roadName: 'QL14',
    unit: 'BP-689-TANBINH',
    lat: 11.5289,
    lng: 106.8876,
  },
  {
    code: 'BP-CAM-QL14-TT',
    nameVi: 'Camera QL14 Tiến Thành (cửa ngõ phía nam Đồng Xoài)',
    nameEn: 'NR14 camera at Tien Thanh (southern gate of Dong Xoai)',
    roadName: 'QL14',
    unit: 'BP-689-TIENTHANH',
    lat: 11.5003,
    lng: 106.8712,
  },
  {
    code: 'BP-CAM-QL14-TX',
    nameVi: 'Camera QL14 Tân Xuân (hướng Phú Riềng)',
    nameEn: 'NR14 camera at Tan Xuan (towards Phu Rieng)',
    roadName: 'QL14',
    unit: 'BP-689-TANXUAN',
    lat: 11.5531,
    lng: 106.9012,
  },
  {
    code: 'BP-CAM-DT741-TT',
    nameVi: 'Camera ĐT741 Tân Thiện, Đồng Xoài',
    nameEn: 'PR741 camera at Tan Thien, Dong Xoai',
    roadName: 'ĐT741',
    unit: 'BP-689-TANTHIEN',
    lat: 11.5298,
    lng: 106.8705,
  },
  {
    code: 'BP-CAM-QL13-CT',
    nameVi: 'Camera ngã tư Chơn Thành (QL13 – QL14)',
    nameEn: 'Chon Thanh crossroads camera (NR13 – NR14)',
    roadName: 'QL13',
    unit: 'BP-697-HUNGLONG',
    lat: 11.4512,
    lng: 106.6089,
  },
  {
    code: 'BP-CAM-QL13-MH',
    nameVi: 'Camera QL13 KCN Minh Hưng',
    nameEn: 'NR13 camera at Minh Hung industrial park',
    roadName: 'QL13',
    unit: 'BP-697-MINHHUNG',
    lat: 11.4196,
    lng: 106.6521,
  },
  {
    code: 'BP-CAM-QL13-BL',
    nameVi: 'Camera QL13 An Lộc, Bình Long',
    nameEn: 'NR13 camera at An Loc, Binh Long',
    roadName: 'QL13',
    unit: 'BP-690-ANLOC',
    lat: 11.6547,
    lng: 106.6077,
  },
  {
    code: 'BP-CAM-DT741-PR',
    nameVi: 'Camera ĐT741 Phú Riềng',
    nameEn: 'PR741 camera at Phu Rieng',
    roadName: 'ĐT741',
    unit: 'BP-698-PHURIENG',
    lat: 11.7093,
    lng: 106.9214,
  },
  {
    code: 'BP-CAM-DT741-PL',
    nameVi: 'Camera ĐT741 Long Phước, Phước Long',
    nameEn: 'PR741 camera at Long Phuoc, Phuoc Long',
    roadName: 'ĐT741',
    unit: 'BP-688-LONGPHUOC',
    lat: 11.8149,
    lng: 106.9843,
  },
  {
    code: 'BP-CAM-PL-PB',
    nameVi: 'Camera ngã ba Phước Bình, Phước Long',
    nameEn: 'Phuoc Binh junction camera, Phuoc Long',
    roadName: 'ĐT759',
    unit: 'BP-688-PHUOCBINH',
    lat: 11.8004,
    lng: 106.9712,
  },
];

export interface SegmentSeed {
  code: string;
  nameVi: string;
  roadName: string;
  fromPlace: string;
  toPlace: string;
  unit: string;
}

export const segments: SegmentSeed[] = [
  {
    code: 'BP-SEG-QL14-DX',
    nameVi: 'QL14 qua trung tâm Đồng Xoài',
    roadName: 'QL14',
    fromPlace: 'Ngã tư Tân Bình',
    toPlace: 'Vòng xoay Đồng Xoài',
    unit: 'BP-689-TANPHU',
  },
  {
    code: 'BP-SEG-QL14-TT',
    nameVi: 'QL14 Tiến Thành – Tân Bình',
    roadName: 'QL14',
    fromPlace: 'Cầu Tiến Thành',
    toPlace: 'Ngã tư Tân Bình',
    unit: 'BP-689-TIENTHANH',
  },
  {
    code: 'BP-SEG-DT741-DX',
    nameVi: 'ĐT741 vòng xoay Đồng Xoài – Tân Thiện',
    roadName: 'ĐT741',
    fromPlace: 'Vòng xoay Đồng Xoài',
    toPlace: 'Tân Thiện',
    unit: 'BP-689-TANTHIEN',
  },
  {
    code: 'BP-SEG-QL13-CT',
    nameVi: 'QL13 qua Chơn Thành',
    roadName: 'QL13',
    fromPlace: 'KCN Minh Hưng',
    toPlace: 'Ngã tư Chơn Thành',
    unit: 'BP-697-HUNGLONG',
  },
  {
    code: 'BP-SEG-QL13-BL',
    nameVi: 'QL13 qua Bình Long',
    roadName: 'QL13',
    fromPlace: 'Cầu Cần Lê',
    toPlace: 'Chợ An Lộc',
    unit: 'BP-690-ANLOC',
  },
  {
    code: 'BP-SEG-DT741-PR',
    nameVi: 'ĐT741 qua Phú Riềng',
    roadName: 'ĐT741',
    fromPlace: 'Ngã ba Phú Riềng',
    toPlace: 'Bù Nho',
    unit: 'BP-698-PHURIENG',
  },
];
