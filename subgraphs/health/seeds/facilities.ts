import { FacilityKind, FacilityLevel } from '../src/vocabulary';

export interface FacilitySeed {
  code: string;
  nameVi: string;
  nameEn: string;
  kind: FacilityKind;
  level: FacilityLevel;
  address: string;
  /** The demo directory's code of the unit it sits in. */
  unit: string;
  lat: number;
  lng: number;
  beds: number;
  emergencyCapacity: number;
  ambulances: number;
}

const { GENERAL_HOSPITAL, HEALTH_CENTRE, COMMUNE_HEALTH_STATION } = FacilityKind;
const { PROVINCIAL, DISTRICT, COMMUNE } = FacilityLevel;

/** The health facilities of the demo: the provincial general hospital, the district health centres, some commune stations. */
export const facilities: FacilitySeed[] = [
  {
    code: 'BP-BV-DKT',
    nameVi: 'Bệnh viện Đa khoa tỉnh Bình Phước',
    nameEn: 'Binh Phuoc Provincial General Hospital',
    kind: GENERAL_HOSPITAL,
    level: PROVINCIAL,
    address: 'Đường Trần Hưng Đạo, phường Tân Phú, thành phố Đồng Xoài',
    unit: 'BP-689-TANPHU',
    lat: 11.5378,
    lng: 106.8899,
    beds: 800,
    emergencyCapacity: 60,
    ambulances: 8,
  },
  ...(
    [
      [
        'BP-TTYT-DX',
        'thành phố Đồng Xoài',
        'Dong Xoai City',
        'BP-689-TANBINH',
        'Đường Phú Riềng Đỏ, phường Tân Bình',
        11.5302,
        106.8971,
        150,
        20,
        3,
      ],
      [
        'BP-TTYT-PL',
        'thị xã Phước Long',
        'Phuoc Long Town',
        'BP-688-LONGPHUOC',
        'Đường Lê Quý Đôn, phường Long Phước',
        11.8335,
        106.9953,
        250,
        25,
        3,
      ],
      [
        'BP-TTYT-BL',
        'thị xã Bình Long',
        'Binh Long Town',
        'BP-690-ANLOC',
        'Đường Nguyễn Huệ, phường An Lộc',
        11.6558,
        106.6071,
        250,
        25,
        3,
      ],
      [
        'BP-TTYT-LN',
        'huyện Lộc Ninh',
        'Loc Ninh District',
        'BP-692-LOCNINH',
        'Quốc lộ 13, thị trấn Lộc Ninh',
        11.8423,
        106.5884,
        200,
        20,
        3,
      ],
      [
        'BP-TTYT-BDOP',
        'huyện Bù Đốp',
        'Bu Dop District',
        'BP-693-THANHBINH',
        'Đường ĐT 759B, thị trấn Thanh Bình',
        11.9871,
        106.8284,
        120,
        12,
        2,
      ],
      [
        'BP-TTYT-HQ',
        'huyện Hớn Quản',
        'Hon Quan District',
        'BP-694-TANKHAI',
        'Quốc lộ 13, thị trấn Tân Khai',
        11.6091,
        106.6305,
        120,
        12,
        2,
      ],
      [
        'BP-TTYT-DP',
        'huyện Đồng Phú',
        'Dong Phu District',
        'BP-695-TANPHU',
        'Đường ĐT 741, thị trấn Tân Phú',
        11.5206,
        106.9476,
        150,
        15,
        2,
      ],
      [
        'BP-TTYT-BDANG',
        'huyện Bù Đăng',
        'Bu Dang District',
        'BP-696-DUCPHONG',
        'Quốc lộ 14, thị trấn Đức Phong',
        11.8126,
        107.2442,
        200,
        20,
        3,
      ],
      [
        'BP-TTYT-CT',
        'thị xã Chơn Thành',
        'Chon Thanh Town',
        'BP-697-HUNGLONG',
        'Quốc lộ 13, phường Hưng Long',
        11.4306,
        106.6189,
        150,
        15,
        2,
      ],
      [
        'BP-TTYT-PR',
        'huyện Phú Riềng',
        'Phu Rieng District',
        'BP-698-PHURIENG',
        'Đường ĐT 741, xã Phú Riềng',
        11.7207,
        106.9367,
        100,
        10,
        2,
      ],
      ['BP-TTYT-BGM', 'huyện Bù Gia Mập', 'Bu Gia Map District', '691', 'Đường ĐT 741, xã Phú Nghĩa', 11.9512, 107.0303, 100, 10, 2],
    ] as const
  ).map(([code, place, placeEn, unit, address, lat, lng, beds, emergencyCapacity, ambulances]) => ({
    code,
    nameVi: `Trung tâm Y tế ${place}`,
    nameEn: `${placeEn} Health Centre`,
    kind: HEALTH_CENTRE,
    level: DISTRICT,
    address: `${address}, ${place}`,
    unit,
    lat,
    lng,
    beds,
    emergencyCapacity,
    ambulances,
  })),
  ...(
    [
      [
        'BP-TYT-689-TANPHU',
        'phường Tân Phú',
        'Tan Phu Ward',
        'BP-689-TANPHU',
        'Đường Hùng Vương, phường Tân Phú, thành phố Đồng Xoài',
        11.5356,
        106.8853,
      ],
      [
        'BP-TYT-689-TANDONG',
        'phường Tân Đồng',
        'Tan Dong Ward',
        'BP-689-TANDONG',
        'Đường Nguyễn Văn Linh, phường Tân Đồng, thành phố Đồng Xoài',
        11.5441,
        106.8982,
      ],
      [
        'BP-TYT-689-TANXUAN',
        'phường Tân Xuân',
        'Tan Xuan Ward',
        'BP-689-TANXUAN',
        'Đường Lê Duẩn, phường Tân Xuân, thành phố Đồng Xoài',
        11.5201,
        106.8801,
      ],
      [
        'BP-TYT-689-TIENHUNG',
        'xã Tiến Hưng',
        'Tien Hung Commune',
        'BP-689-TIENHUNG',
        'Đường ĐT 741, xã Tiến Hưng, thành phố Đồng Xoài',
        11.5062,
        106.8498,
      ],
      [
        'BP-TYT-690-ANLOC',
        'phường An Lộc',
        'An Loc Ward',
        'BP-690-ANLOC',
        'Đường Trần Hưng Đạo, phường An Lộc, thị xã Bình Long',
        11.6532,
        106.6042,
      ],
      [
        'BP-TYT-688-LONGTHUY',
        'phường Long Thủy',
        'Long Thuy Ward',
        'BP-688-LONGTHUY',
        'Đường ĐT 741, phường Long Thủy, thị xã Phước Long',
        11.8122,
        106.9932,
      ],
    ] as const
  ).map(([code, place, placeEn, unit, address, lat, lng]) => ({
    code,
    nameVi: `Trạm Y tế ${place}`,
    nameEn: `${placeEn} Health Station`,
    kind: COMMUNE_HEALTH_STATION,
    level: COMMUNE,
    address,
    unit,
    lat,
    lng,
    beds: 5,
    emergencyCapacity: 2,
    ambulances: 0,
  })),
];
