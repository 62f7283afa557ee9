/**
 * Public holidays, days off in lieu and make-up workdays of Vietnamese state agencies (cán bộ, công
 * chức, viên chức: Monday–Friday), 2025–2027, as local dates in Asia/Ho_Chi_Minh.
 *
 * Rules (Bộ luật Lao động 2019, Điều 112; Nghị định 145/2020/NĐ-CP): Tết Dương lịch 1/1; Tết Nguyên
 * đán 5 days; Giỗ Tổ Hùng Vương 10/3 lunar; 30/4; 1/5; Quốc khánh 2/9 plus one adjacent day. A
 * holiday on a Saturday or Sunday gives a day off in lieu on the next working day. The Government
 * may also swap a working day with a Saturday to join a holiday to a weekend.
 *
 * Sources of the schedule:
 * - 2025: Văn bản 8726/VPCP-KGVX and the Labour ministry's Thông báo 6150 (Tết 27–31/1; 30/4–2/5
 *   with Saturday 26/4 worked; Quốc khánh 1–2/9). Tết Dương lịch 2025 was 1/1 only.
 * - 2026: Văn bản 12729/VPCP-KGVX (1–2/1 with Saturday 10/1 worked); Thông báo 9441/TB-BNV (Tết
 *   16–20/2; Quốc khánh 1–2/9 plus 31/8 with Saturday 22/8 worked). Giỗ Tổ (Sunday 26/4 → 27/4 in
 *   lieu) and 30/4–1/5 (Thursday–Friday) follow from the law.
 * - 2027: no official schedule was known when this was written; the law's rules are applied. Tết is
 *   taken as two days before and three after the new year (4–8/2, as in 2021, 2023 and 2024 when Tết
 *   met a weekend), with 6–7/2 falling on the weekend → 9–10/2 in lieu; Quốc khánh's adjacent day is
 *   taken as Friday 3/9; 1/5 (Saturday) → 3/5 in lieu. Replace with the Ministry of Home Affairs'
 *   notice (usually issued in the autumn before) when it is published.
 * - The Politburo's Ngày Văn hóa Việt Nam (24/11) is not a paid holiday until the Labour Code is
 *   amended, so it is not listed.
 *
 * Holidays falling on a weekend are listed too (as DAY_OFF) so that their names can be shown; they do
 * not change the working time.
 */

export interface CalendarDaySeed {
  /** Local date, YYYY-MM-DD. */
  date: string;
  /** DAY_OFF: holiday, day off in lieu or swapped day; WORKDAY: a Saturday or Sunday worked instead. */
  kind: 'DAY_OFF' | 'WORKDAY';
  nameVi: string;
  nameEn: string;
}

const NEW_YEAR = ['Tết Dương lịch', "New Year's Day"] as const;
const HUNG_KINGS = ['Giỗ Tổ Hùng Vương', "Hung Kings' Commemoration Day"] as const;
const REUNIFICATION = ['Ngày Giải phóng miền Nam, thống nhất đất nước', 'Reunification Day'] as const;
const LABOUR = ['Ngày Quốc tế Lao động', "International Workers' Day"] as const;
const NATIONAL = ['Quốc khánh', 'National Day'] as const;

function off(date: string, [nameVi, nameEn]: readonly [string, string]): CalendarDaySeed {
  return { date, kind: 'DAY_OFF', nameVi, nameEn };
}

function inLieu(date: string, [nameVi, nameEn]: readonly [string, string]): CalendarDaySeed {
  return { date, kind: 'DAY_OFF', nameVi: `Nghỉ bù ${nameVi}`, nameEn: `Day off in lieu of ${nameEn}` };
}

/** A working day given off to bridge a holiday, worked back on `workedOn` (DD/MM/YYYY). */
function swapped(date: string, [nameVi, nameEn]: readonly [string, string], workedOn: string): CalendarDaySeed {
  return {
    date,
    kind: 'DAY_OFF',
    nameVi: `Nghỉ ${nameVi} (hoán đổi, làm bù ngày ${workedOn})`,
    nameEn: `${nameEn} bridge day (worked back on ${workedOn})`,
  };
}

function workday(date: string, [nameVi, nameEn]: readonly [string, string], replaces: string): CalendarDaySeed {
  return {
    date,
    kind: 'WORKDAY',
    nameVi: `Làm bù ngày nghỉ ${replaces} (${nameVi})`,
    nameEn: `Make-up workday for ${replaces} (${nameEn})`,
  };
}

function tet(animalVi: string, animalEn: string): readonly [string, string] {
  return [`Tết Nguyên đán ${animalVi}`, `Lunar New Year (Tết), Year of the ${animalEn}`];
}

const AT_TY = tet('Ất Tỵ', 'Snake');
const BINH_NGO = tet('Bính Ngọ', 'Horse');
const DINH_MUI = tet('Đinh Mùi', 'Goat');

export const calendarDays: CalendarDaySeed[] = [
  // 2025
  off('2025-01-01', NEW_YEAR),
  off('2025-01-27', AT_TY),
  off('2025-01-28', AT_TY),
  off('2025-01-29', AT_TY),
  off('2025-01-30', AT_TY),
  off('2025-01-31', AT_TY),
  off('2025-04-07', HUNG_KINGS),
  workday('2025-04-26', LABOUR, '02/05/2025'),
  off('2025-04-30', REUNIFICATION),
  off('2025-05-01', LABOUR),
  swapped('2025-05-02', LABOUR, '26/04/2025'),
  off('2025-09-01', NATIONAL),
  off('2025-09-02', NATIONAL),

  // 2026
  off('2026-01-01', NEW_YEAR),
  swapped('2026-01-02', NEW_YEAR, '10/01/2026'),
  workday('2026-01-10', NEW_YEAR, '02/01/2026'),
  off('2026-02-16', BINH_NGO),
  off('2026-02-17', BINH_NGO),
  off('2026-02-18', BINH_NGO),
  off('2026-02-19', BINH_NGO),
  off('2026-02-20', BINH_NGO),
  off('2026-04-26', HUNG_KINGS),
  inLieu('2026-04-27', HUNG_KINGS),
  off('2026-04-30', REUNIFICATION),
  off('2026-05-01', LABOUR),
  workday('2026-08-22', NATIONAL, '31/08/2026'),
  swapped('2026-08-31', NATIONAL, '22/08/2026'),
  off('2026-09-01', NATIONAL),
  off('2026-09-02', NATIONAL),

  // 2027 (law's rules applied, see above)
  off('2027-01-01', NEW_YEAR),
  off('2027-02-04', DINH_MUI),
  off('2027-02-05', DINH_MUI),
  off('2027-02-06', DINH_MUI),
  off('2027-02-07', DINH_MUI),
  off('2027-02-08', DINH_MUI),
  inLieu('2027-02-09', DINH_MUI),
  inLieu('2027-02-10', DINH_MUI),
  off('2027-04-16', HUNG_KINGS),
  off('2027-04-30', REUNIFICATION),
  off('2027-05-01', LABOUR),
  inLieu('2027-05-03', LABOUR),
  off('2027-09-02', NATIONAL),
  off('2027-09-03', NATIONAL),
];
