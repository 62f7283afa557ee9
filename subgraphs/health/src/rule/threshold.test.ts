import { epidemicThreshold } from './threshold';

/** The dengue epidemic threshold against worked examples. */
describe('epidemicThreshold', () => {
  const dengue = { threshold: 10, baselineYears: 5, minBaselineYears: 3 };

  it('is the mean of the same week over the previous years plus two sample standard deviations', () => {
    // Cases 2, 4, 3, 5, 6: mean 4, sample variance (4 + 0 + 1 + 1 + 4) / 4 = 2.5, SD 1.581…: 4 + 3.162… = 7.162…
    const history = [2021, 2022, 2023, 2024, 2025].map((year, i) => ({ year, cases: [2, 4, 3, 5, 6][i]! }));
    const threshold = epidemicThreshold(dengue, 2026, history)!;
    expect(threshold.value).toBeCloseTo(4 + 2 * Math.sqrt(2.5), 9);
    expect(threshold.basis).toBe('trung bình 5 năm + 2 độ lệch chuẩn');
  });

  it('counts only the rule’s years before the week’s own year', () => {
    const history = [
      { year: 2019, cases: 100 },
      { year: 2023, cases: 1 },
      { year: 2024, cases: 1 },
      { year: 2025, cases: 4 },
      { year: 2026, cases: 50 },
    ];
    // 2023–2025: mean 2, variance (1 + 1 + 4) / 2 = 3.
    expect(epidemicThreshold(dengue, 2026, history)!.value).toBeCloseTo(2 + 2 * Math.sqrt(3), 9);
  });

  it('falls back to the fixed threshold with too little history, and to nothing without one', () => {
    const history = [
      { year: 2024, cases: 1 },
      { year: 2025, cases: 2 },
    ];
    expect(epidemicThreshold(dengue, 2026, history)).toEqual({ value: 10, basis: 'ngưỡng cố định' });
    expect(epidemicThreshold({ ...dengue, baselineYears: null }, 2026, [])).toEqual({ value: 10, basis: 'ngưỡng cố định' });
    expect(epidemicThreshold({ ...dengue, threshold: null }, 2026, history)).toBeNull();
  });
});
