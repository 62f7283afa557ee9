import { escapeLike, foldVietnamese } from '../src/text';

describe('foldVietnamese', () => {
  it('removes diacritics and folds đ so that "Dong Xoai" matches "Đồng Xoài"', () => {
    expect(foldVietnamese('Thành phố Đồng Xoài')).toBe('thanh pho dong xoai');
    expect(foldVietnamese('Phường Tân Phú')).toBe(foldVietnamese('phuong tan phu'));
  });

  it('folds precomposed and decomposed forms alike and squeezes spaces', () => {
    const decomposed = 'Bù Gia Mập'.normalize('NFD');
    expect(foldVietnamese(`  ${decomposed}  `)).toBe('bu gia map');
    expect(foldVietnamese('Lộc   Ninh')).toBe('loc ninh');
  });

  it('keeps LIKE wildcards literal when escaped', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
  });
});
