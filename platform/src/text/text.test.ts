import { escapeLike, foldVietnamese } from '.';
import { uuidv7 } from '../database/uuidv7';

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

describe('uuidv7', () => {
  it('sorts ids in the order they were made, also within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => uuidv7(1_764_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
