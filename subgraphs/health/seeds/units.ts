/**
 * The communes and wards of the demo directory (subgraphs/directory/seeds/data.ts) whose health stations
 * report to the surveillance system, with their district-level parent (null: under the province, as the
 * units of the 2025 reform are). Lineages are built from it, since the directory may not be up when this
 * subgraph starts.
 */
export const REPORTING_COMMUNES: { code: string; nameVi: string; parent: string }[] = [
  { code: 'BP-689-TANPHU', nameVi: 'Phường Tân Phú', parent: '689' },
  { code: 'BP-689-TANDONG', nameVi: 'Phường Tân Đồng', parent: '689' },
  { code: 'BP-689-TANBINH', nameVi: 'Phường Tân Bình', parent: '689' },
  { code: 'BP-689-TANXUAN', nameVi: 'Phường Tân Xuân', parent: '689' },
  { code: 'BP-689-TANTHIEN', nameVi: 'Phường Tân Thiện', parent: '689' },
  { code: 'BP-689-TIENTHANH', nameVi: 'Phường Tiến Thành', parent: '689' },
  { code: 'BP-689-TIENHUNG', nameVi: 'Xã Tiến Hưng', parent: '689' },
  { code: 'BP-689-TANTHANH', nameVi: 'Xã Tân Thành', parent: '689' },
  { code: 'BP-688-THACMO', nameVi: 'Phường Thác Mơ', parent: '688' },
  { code: 'BP-688-LONGTHUY', nameVi: 'Phường Long Thủy', parent: '688' },
  { code: 'BP-688-PHUOCBINH', nameVi: 'Phường Phước Bình', parent: '688' },
  { code: 'BP-688-LONGPHUOC', nameVi: 'Phường Long Phước', parent: '688' },
  { code: 'BP-688-SONGIANG', nameVi: 'Phường Sơn Giang', parent: '688' },
  { code: 'BP-688-LONGGIANG', nameVi: 'Xã Long Giang', parent: '688' },
  { code: 'BP-688-PHUOCTIN', nameVi: 'Xã Phước Tín', parent: '688' },
  { code: 'BP-690-ANLOC', nameVi: 'Phường An Lộc', parent: '690' },
  { code: 'BP-690-HUNGCHIEN', nameVi: 'Phường Hưng Chiến', parent: '690' },
  { code: 'BP-690-PHUTHINH', nameVi: 'Phường Phú Thịnh', parent: '690' },
  { code: 'BP-690-PHUDUC', nameVi: 'Phường Phú Đức', parent: '690' },
  { code: 'BP-692-LOCNINH', nameVi: 'Thị trấn Lộc Ninh', parent: '692' },
  { code: 'BP-692-LOCTHAI', nameVi: 'Xã Lộc Thái', parent: '692' },
  { code: 'BP-692-LOCHUNG', nameVi: 'Xã Lộc Hưng', parent: '692' },
  { code: 'BP-693-THANHBINH', nameVi: 'Thị trấn Thanh Bình', parent: '693' },
  { code: 'BP-694-TANKHAI', nameVi: 'Thị trấn Tân Khai', parent: '694' },
  { code: 'BP-695-TANPHU', nameVi: 'Thị trấn Tân Phú', parent: '695' },
  { code: 'BP-696-DUCPHONG', nameVi: 'Thị trấn Đức Phong', parent: '696' },
  { code: 'BP-697-MINHHUNG', nameVi: 'Phường Minh Hưng', parent: '697' },
  { code: 'BP-697-HUNGLONG', nameVi: 'Phường Hưng Long', parent: '697' },
  { code: 'BP-698-PHURIENG', nameVi: 'Xã Phú Riềng', parent: '698' },
];

/** The province's code in the demo directory. */
export const PROVINCE = '70';
const PARENT = new Map(REPORTING_COMMUNES.map((c) => [c.code, c.parent]));

/** The codes from the province down to a unit (the unit last): a commune, a district-level unit or the province. */
export function unitCodeLineage(code: string): string[] {
  if (code === PROVINCE) return [PROVINCE];
  const parent = PARENT.get(code);
  return parent ? [PROVINCE, parent, code] : [PROVINCE, code];
}
