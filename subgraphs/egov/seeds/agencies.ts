/**
 * The agencies of Bình Phước's one-stop-shop system that the demo knows, by their directory codes
 * (subgraphs/directory/seeds/data.ts), with the unit each serves (its jurisdiction). The lineage of each
 * is built from {@link UNIT_PARENTS}, since the directory may not be up when this subgraph starts.
 */
export const UNIT_PARENTS: Record<string, string | null> = {
  '70': null,
  '688': '70',
  '689': '70',
  '690': '70',
  '695': '70',
  '697': '70',
  'BP-689-TANPHU': '689',
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

export interface ServiceAgencySeed {
  code: string;
  nameVi: string;
  unit: string;
}

export const serviceAgencies: ServiceAgencySeed[] = [
  { code: 'STP-BP', nameVi: 'Sở Tư pháp tỉnh Bình Phước', unit: '70' },
  { code: 'SKHDT-BP', nameVi: 'Sở Kế hoạch và Đầu tư tỉnh Bình Phước', unit: '70' },
  { code: 'SNNMT-BP', nameVi: 'Sở Nông nghiệp và Môi trường tỉnh Bình Phước', unit: '70' },
  { code: 'SXD-BP', nameVi: 'Sở Xây dựng tỉnh Bình Phước', unit: '70' },
  { code: 'SGTVT-BP', nameVi: 'Sở Giao thông vận tải tỉnh Bình Phước', unit: '70' },
  { code: 'UBND-DX', nameVi: 'Ủy ban nhân dân thành phố Đồng Xoài', unit: '689' },
  { code: 'UBND-PL', nameVi: 'Ủy ban nhân dân thị xã Phước Long', unit: '688' },
  { code: 'UBND-BL', nameVi: 'Ủy ban nhân dân thị xã Bình Long', unit: '690' },
  { code: 'UBND-DP', nameVi: 'Ủy ban nhân dân huyện Đồng Phú', unit: '695' },
  { code: 'UBND-CT', nameVi: 'Ủy ban nhân dân thị xã Chơn Thành', unit: '697' },
  { code: 'UBND-TANPHU', nameVi: 'Ủy ban nhân dân phường Tân Phú', unit: 'BP-689-TANPHU' },
];
