/**
 * The rows of an operation that reads one series per name under aliases (`DENGUE: diseaseCaseSeries(…)`,
 * `PM10: metricSeries(…)`): each point of each series as a row, oldest first and by name within a bucket.
 * `responseKey` maps a name to the key its series answers under, when that is not the name itself.
 */
export function aliasedSeriesRows<Point extends { bucketStart: string }, Row extends { bucketStart: string }>(
  data: unknown,
  names: readonly string[],
  row: (point: Point, name: string) => Row,
  responseKey: (name: string) => string = (name) => name,
): { rows: (Row & { name: string })[]; endCursor: null } {
  const series = data as Record<string, Point[] | undefined>;
  const rows = names.flatMap((name) => (series[responseKey(name)] ?? []).map((point) => ({ ...row(point, name), name })));
  rows.sort((a, b) => a.bucketStart.localeCompare(b.bucketStart) || a.name.localeCompare(b.name));
  return { rows, endCursor: null };
}
