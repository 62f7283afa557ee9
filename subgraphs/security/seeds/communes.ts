/**
 * The communes and wards of the demo directory (subgraphs/directory/seeds/data.ts) where reports are
 * placed: code, names and parent. Kept here because the directory may not be up when this subgraph
 * starts; ids are the directory's (`demoId('unit', code)`).
 */
export const COMMUNES: [code: string, nameVi: string, nameEn: string, parent: string][] = [
  ['BP-689-TANPHU', 'Phường Tân Phú', 'Tan Phu Ward', '689'],
  ['BP-689-TANDONG', 'Phường Tân Đồng', 'Tan Dong Ward', '689'],
  ['BP-689-TANBINH', 'Phường Tân Bình', 'Tan Binh Ward', '689'],
  ['BP-689-TANXUAN', 'Phường Tân Xuân', 'Tan Xuan Ward', '689'],
  ['BP-689-TANTHIEN', 'Phường Tân Thiện', 'Tan Thien Ward', '689'],
  ['BP-689-TIENTHANH', 'Phường Tiến Thành', 'Tien Thanh Ward', '689'],
  ['BP-689-TIENHUNG', 'Xã Tiến Hưng', 'Tien Hung Commune', '689'],
  ['BP-689-TANTHANH', 'Xã Tân Thành', 'Tan Thanh Commune', '689'],
  ['BP-688-THACMO', 'Phường Thác Mơ', 'Thac Mo Ward', '688'],
  ['BP-688-LONGTHUY', 'Phường Long Thủy', 'Long Thuy Ward', '688'],
  ['BP-688-PHUOCBINH', 'Phường Phước Bình', 'Phuoc Binh Ward', '688'],
  ['BP-688-LONGPHUOC', 'Phường Long Phước', 'Long Phuoc Ward', '688'],
  ['BP-688-SONGIANG', 'Phường Sơn Giang', 'Son Giang Ward', '688'],
  ['BP-688-LONGGIANG', 'Xã Long Giang', 'Long Giang Commune', '688'],
  ['BP-688-PHUOCTIN', 'Xã Phước Tín', 'Phuoc Tin Commune', '688'],
  ['BP-690-ANLOC', 'Phường An Lộc', 'An Loc Ward', '690'],
  ['BP-690-HUNGCHIEN', 'Phường Hưng Chiến', 'Hung Chien Ward', '690'],
  ['BP-690-PHUTHINH', 'Phường Phú Thịnh', 'Phu Thinh Ward', '690'],
  ['BP-690-PHUDUC', 'Phường Phú Đức', 'Phu Duc Ward', '690'],
  ['BP-692-LOCNINH', 'Thị trấn Lộc Ninh', 'Loc Ninh Township', '692'],
  ['BP-692-LOCTHAI', 'Xã Lộc Thái', 'Loc Thai Commune', '692'],
  ['BP-692-LOCHUNG', 'Xã Lộc Hưng', 'Loc Hung Commune', '692'],
  ['BP-693-THANHBINH', 'Thị trấn Thanh Bình', 'Thanh Binh Township', '693'],
  ['BP-694-TANKHAI', 'Thị trấn Tân Khai', 'Tan Khai Township', '694'],
  ['BP-695-TANPHU', 'Thị trấn Tân Phú', 'Tan Phu Township', '695'],
  ['BP-696-DUCPHONG', 'Thị trấn Đức Phong', 'Duc Phong Township', '696'],
  ['BP-697-MINHHUNG', 'Phường Minh Hưng', 'Minh Hung Ward', '697'],
  ['BP-697-HUNGLONG', 'Phường Hưng Long', 'Hung Long Ward', '697'],
  ['BP-698-PHURIENG', 'Xã Phú Riềng', 'Phu Rieng Commune', '698'],
  // Units of the 2025 reform, directly under the province.
  ['BP-2025-DONGXOAI', 'Phường Đồng Xoài', 'Dong Xoai Ward', '70'],
  ['BP-2025-BINHPHUOC', 'Phường Bình Phước', 'Binh Phuoc Ward', '70'],
  ['BP-2025-PHUOCLONG', 'Phường Phước Long', 'Phuoc Long Ward', '70'],
  ['BP-2025-BINHLONG', 'Phường Bình Long', 'Binh Long Ward', '70'],
  ['BP-2025-CHONTHANH', 'Phường Chơn Thành', 'Chon Thanh Ward', '70'],
  ['BP-2025-LOCNINH', 'Xã Lộc Ninh', 'Loc Ninh Commune', '70'],
  ['BP-2025-BUDANG', 'Xã Bù Đăng', 'Bu Dang Commune', '70'],
  ['BP-2025-DONGPHU', 'Xã Đồng Phú', 'Dong Phu Commune', '70'],
];

/** The province's code (the root of every lineage). */
export const PROVINCE = '70';

/** The codes from the province down to a commune (the commune last). */
export const communeCodeLineage = (code: string, parent: string): string[] =>
  parent === PROVINCE ? [PROVINCE, code] : [PROVINCE, parent, code];
