import { AQI_CATEGORIES, aqiCategory, dailyAqi, hourlyAqi, nowCast, subIndex } from '../src/aqi/vnAqi';

// AQI_x = (I_{i+1} − I_i)/(BP_{i+1} − BP_i)·(C − BP_i) + I_i, Table 1 of Decision 1459/QĐ-TCMT; rounded half up.
const twelve = (v: number): number[] => Array<number>(12).fill(v);

describe('VN_AQI', () => {
  it('computes the PM2.5 NowCast of a 12-hour series with a missing hour', () => {
    // [40, null, 20 × 10]: c_min/c_max = 20/40 = 1/2 → w = 1/2; weights w^i for i = 0..11, hour 1 dropped.
    // Σ_{i=2..11} (1/2)^i = 1/2 − 1/2048 = 1023/2048.
    // NowCast = (40·1 + 20·1023/2048)/(1 + 1023/2048) = (40·2048 + 20·1023)/3071 = (81920 + 20460)/3071 = 102380/3071.
    expect(nowCast([40, null, ...Array<number>(10).fill(20)])).toBeCloseTo(102380 / 3071, 10);
  });

  it('clamps the NowCast weight at 1/2 and uses w = c_min/c_max above it', () => {
    // [60, null, 20 × 10]: 20/60 = 1/3 < 1/2 → w = 1/2; as above (60·2048 + 20·1023)/3071 = (122880 + 20460)/3071 = 143340/3071.
    expect(nowCast([60, null, ...Array<number>(10).fill(20)])).toBeCloseTo(143340 / 3071, 10);
    // [30, 20, null × 10]: w = 20/30 = 2/3; (30 + 20·2/3)/(1 + 2/3) = (130/3)/(5/3) = 26.
    expect(nowCast([30, 20, ...Array<null>(10).fill(null)])).toBeCloseTo(26, 10);
    // [null, 30, 30, …]: 2 of the 3 most recent present; all values 30 → w = 1 → 30.
    expect(nowCast([null, ...twelve(30).slice(1)])).toBeCloseTo(30, 10);
  });

  it('gives no NowCast when 2 of the last 3 hours are missing', () => {
    expect(nowCast([null, null, ...Array<number>(10).fill(30)])).toBeNull();
    expect(nowCast([30, null, null, ...Array<number>(9).fill(30)])).toBeNull();
    expect(nowCast([])).toBeNull();
  });

  it('interpolates sub-indexes between breakpoints', () => {
    // PM2.5 35 in 25–50: 50 + (50/25)·(35 − 25) = 70.
    expect(subIndex('PM2_5', 35, 'HOURLY')).toBe(70);
    // PM10 200 in 150–250: 100 + (50/100)·(200 − 150) = 125.
    expect(subIndex('PM10', 200, 'DAILY')).toBe(125);
    // CO 10000 = BP at I = 50: 0 + (50/10000)·10000 = 50.
    expect(subIndex('CO', 10000, 'HOURLY')).toBe(50);
    // O3 8h 150 in 120–170: 100 + (50/50)·(150 − 120) = 130.
    expect(subIndex('O3', 150, 'O3_8H')).toBe(130);
    // Rounding half up: PM2.5 55 in 50–80: 100 + (50/30)·5 = 108.33 → 108; PM2.5 0 → 0.
    expect(subIndex('PM2_5', 55, 'HOURLY')).toBe(108);
    expect(subIndex('PM2_5', 0, 'HOURLY')).toBe(0);
  });

  it('gives the breakpoint index for a concentration on a breakpoint', () => {
    // SO2 350: 50 + (50/225)·(350 − 125) = 100 (= 100 + 0 on the next segment).
    expect(subIndex('SO2', 350, 'HOURLY')).toBe(100);
    // PM2.5 250: 200 + (100/100)·(250 − 150) = 300; O3 8h 400 (last defined BP): 200 + (100/190)·190 = 300.
    expect(subIndex('PM2_5', 250, 'HOURLY')).toBe(300);
    expect(subIndex('O3', 400, 'O3_8H')).toBe(300);
  });

  it('extrapolates the last segment above the top breakpoint, except O3 8h', () => {
    // PM10 700: 500 + (100/100)·(700 − 600) = 600.
    expect(subIndex('PM10', 700, 'HOURLY')).toBe(600);
    // PM2.5 600: 400 + (100/150)·(600 − 350) = 566.67 → 567.
    expect(subIndex('PM2_5', 600, 'HOURLY')).toBe(567);
    // O3 8h 450 > 400: no breakpoint for I > 300 → undefined (the 1-hour value is used).
    expect(subIndex('O3', 450, 'O3_8H')).toBeNull();
    // O3_8H basis on another pollutant, and negative values: undefined.
    expect(subIndex('NO2', 100, 'O3_8H')).toBeNull();
    expect(subIndex('PM10', -1, 'HOURLY')).toBeNull();
  });

  it('takes the hourly AQI as the max sub-index and names the dominant pollutant', () => {
    // PM2.5 NowCast of 12 × 35 = 35 → 70; PM10 NowCast 200 → 125;
    // O3 350 in 300–400: 150 + (50/100)·50 = 175; NO2 150 in 100–200: 50 + (50/100)·50 = 75. Max 175, O3, Xấu.
    const r = hourlyAqi({ PM2_5: twelve(35), PM10: twelve(200), O3: [350, 10], NO2: [150] });
    expect(r).toEqual({ aqi: 175, dominant: 'O3', category: AQI_CATEGORIES[3] });
    expect(r?.category.color).toBe('#FF0000');
    // Gases use the newest hour only: O3 [null, 900] is absent → PM10 125 leads, Kém.
    expect(hourlyAqi({ PM2_5: twelve(35), PM10: twelve(200), O3: [null, 900] })).toEqual({
      aqi: 125,
      dominant: 'PM10',
      category: AQI_CATEGORIES[2],
    });
    // PM2.5 [60, null, 20 × 10]: NowCast 143340/3071; 50 + 2·(143340/3071 − 25) = 50 + 133130/3071 = 93.35 → 93.
    expect(hourlyAqi({ PM2_5: [60, null, ...Array<number>(10).fill(20)] })).toEqual({
      aqi: 93,
      dominant: 'PM2_5',
      category: AQI_CATEGORIES[1],
    });
  });

  it('needs PM2.5 or PM10 for an hourly AQI', () => {
    expect(hourlyAqi({ O3: [350] })).toBeNull();
    // PM2.5 NowCast undefined (2 of the last 3 hours missing) and no PM10.
    expect(hourlyAqi({ PM2_5: [null, null, 35], CO: [20000] })).toBeNull();
  });

  it('maps AQI values to the categories and colours of the decision', () => {
    const at = (aqi: number) => [aqiCategory(aqi).level, aqiCategory(aqi).color];
    expect(at(0)).toEqual([1, '#00E400']);
    expect(at(50)).toEqual([1, '#00E400']);
    expect(at(51)).toEqual([2, '#FFFF00']);
    expect(at(100)).toEqual([2, '#FFFF00']);
    expect(at(101)).toEqual([3, '#FF7E00']);
    expect(at(200)).toEqual([4, '#FF0000']);
    expect(at(300)).toEqual([5, '#8F3F97']);
    expect(at(301)).toEqual([6, '#7E0023']);
    expect(at(600)).toEqual([6, '#7E0023']);
    expect(aqiCategory(301)).toMatchObject({ nameVi: 'Nguy hại', min: 301, max: null });
    expect(aqiCategory(50).nameVi).toBe('Tốt');
    expect(() => aqiCategory(-1)).toThrow(RangeError);
  });

  it('computes the daily AQI from 24-hour averages and daily maxima', () => {
    // PM2.5 60: 100 + (50/30)·10 = 116.67; PM10 100: 50 + (50/100)·50 = 75; O3 1h 180: 50 + (50/40)·20 = 75;
    // O3 8h 130: 100 + (50/50)·10 = 110; CO 20000: 50 + (50/20000)·10000 = 75. Max 116.67 → 117, PM2_5, Kém.
    expect(dailyAqi({ PM2_5: 60, PM10: 100, O3_1hMax: 180, O3_8hMax: 130, CO_1hMax: 20000 })).toEqual({
      aqi: 117,
      dominant: 'PM2_5',
      category: AQI_CATEGORIES[2],
    });
    // PM2.5 25 → 50; O3 1h 180 → 75; O3 8h 180: 150 + (50/40)·10 = 162.5 → 163 (half up), O3_8hMax, Xấu.
    expect(dailyAqi({ PM2_5: 25, O3_1hMax: 180, O3_8hMax: 180 })).toEqual({ aqi: 163, dominant: 'O3_8hMax', category: AQI_CATEGORIES[3] });
    // O3 8h 450 > 400 → no 8h sub-index; O3 1h 900: 300 + (100/200)·100 = 350; PM10 50 → 50. 350, Nguy hại.
    expect(dailyAqi({ PM10: 50, O3_1hMax: 900, O3_8hMax: 450 })).toEqual({ aqi: 350, dominant: 'O3_1hMax', category: AQI_CATEGORIES[5] });
    // No PM → no daily AQI.
    expect(dailyAqi({ O3_1hMax: 900, SO2_1hMax: 100 })).toBeNull();
  });
});
