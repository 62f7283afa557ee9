import { categories } from '../seeds/categories';
import { Process, Sector } from '../src/vocabulary';

const AGENCY_KINDS = ['PROVINCIAL_DEPARTMENT', 'POLICE', 'FIRE_AND_RESCUE', 'HEALTH', 'MILITARY', 'PEOPLES_COMMITTEE', 'PUBLIC_SERVICE'];
// Letters that only Vietnamese with diacritics has (lower case; names are compared lower-cased).
const VIETNAMESE_LETTER = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/;

describe('incident categories', () => {
  it('has unique UPPER_SNAKE codes', () => {
    const codes = categories.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/);
  });

  it('gives every sector at least two categories', () => {
    for (const sector of Object.values(Sector)) {
      expect(categories.filter((c) => c.sector === sector).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('prefixes the codes of a sector with one short code', () => {
    for (const sector of Object.values(Sector)) {
      const prefixes = new Set(categories.filter((c) => c.sector === sector).map((c) => c.code.split('_')[0]));
      expect(prefixes.size).toBe(1);
    }
  });

  it('counts IMMEDIATE and COMMAND deadlines in calendar time and TIMED ones in working time', () => {
    for (const c of categories) {
      expect({ code: c.code, slaInWorkingTime: c.slaInWorkingTime }).toEqual({
        code: c.code,
        slaInWorkingTime: c.defaultProcess === Process.TIMED,
      });
    }
  });

  it('has positive whole-minute deadlines', () => {
    for (const c of categories) {
      expect(Number.isInteger(c.slaMinutes)).toBe(true);
      expect(c.slaMinutes).toBeGreaterThan(0);
    }
  });

  it('names a known kind of competent agency', () => {
    for (const c of categories) expect(AGENCY_KINDS).toContain(c.competentAgencyKind);
  });

  it('keeps sensor and camera categories out of citizen reports, and offers citizens most of the rest', () => {
    const bySensors = [
      'ENV_AQI_EXCEEDANCE',
      'EMG_WATER_LEVEL_ALARM',
      'TRF_CAMERA_VIOLATION',
      'TRF_CONGESTION',
      'EGOV_ONLINE_SERVICE_OUTAGE',
    ];
    for (const code of bySensors) expect(categories.find((c) => c.code === code)?.citizenReportable).toBe(false);
    expect(categories.filter((c) => c.citizenReportable).length).toBeGreaterThanOrEqual(20);
  });

  it('labels most categories in Vietnamese with diacritics', () => {
    const withDiacritics = categories.filter((c) => VIETNAMESE_LETTER.test(c.nameVi.toLowerCase()));
    expect(withDiacritics.length / categories.length).toBeGreaterThanOrEqual(0.8);
  });
});
