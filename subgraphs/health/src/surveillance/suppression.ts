/**
 * Counts below this are small enough to point at a person in a commune (a village knows who is ill): a
 * partner sees them as null. Zero is shown: nobody is behind it.
 */
export const SMALL_COUNT_FLOOR = 5;

/**
 * Small-count suppression of open health statistics. Primary: every count from 1 to
 * `SMALL_COUNT_FLOOR - 1` becomes null. Complementary: a group (the communes of one district-level unit,
 * whose total is open data) with exactly one suppressed cell gets its smallest other cell suppressed too,
 * or the total minus the cells shown would give the hidden one back. Each measure is suppressed on its own.
 * Returns new rows; `rows` are left as they are.
 */
export function suppressSmallCounts<Row, Measure extends keyof Row>(
  rows: readonly Row[],
  groupOf: (row: Row) => string,
  measures: readonly Measure[],
): (Omit<Row, Measure> & { [M in Measure]: number | null })[] {
  const shown = rows.map((row) => ({ ...row })) as (Omit<Row, Measure> & { [M in Measure]: number | null })[];
  for (const measure of measures) {
    const value = (i: number) => Number(rows[i]![measure]);
    const hidden = new Set(rows.map((_, i) => i).filter((i) => value(i) > 0 && value(i) < SMALL_COUNT_FLOOR));
    const groups = new Map<string, number[]>();
    rows.forEach((row, i) => groups.set(groupOf(row), [...(groups.get(groupOf(row)) ?? []), i]));
    for (const members of groups.values()) {
      if (members.filter((i) => hidden.has(i)).length !== 1) continue;
      const [next] = members.filter((i) => !hidden.has(i)).sort((a, b) => value(a) - value(b));
      if (next !== undefined) hidden.add(next);
    }
    for (const i of hidden) (shown[i] as Record<Measure, number | null>)[measure] = null;
  }
  return shown;
}
