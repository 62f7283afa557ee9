/** Byte-order mark: spreadsheet programs read a CSV file as UTF-8 (and show Vietnamese right) only after it. */
const BOM = '\uFEFF';

/** One cell of RFC 4180 CSV; a leading `= + - @` is prefixed with `'` so a spreadsheet never runs it as a formula. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document (UTF-8 with BOM, CRLF line ends, a header row of `columns`) of `rows`. */
export function toCsv<T>(columns: readonly { name: string; value: (row: T) => unknown }[], rows: readonly T[]): string {
  const lines = [columns.map((column) => csvCell(column.name)).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(column.value(row))).join(','));
  return BOM + lines.join('\r\n') + '\r\n';
}

export interface GeoJsonPoint {
  type: 'Point';
  /** [longitude, latitude], as RFC 7946 orders them. */
  coordinates: [number, number];
}

/** An RFC 7946 FeatureCollection; records without a place are left out of it (the JSON form has them all). */
export function toFeatureCollection<T>(
  rows: readonly T[],
  place: (row: T) => { latitude: number; longitude: number } | null | undefined,
  properties: (row: T) => Record<string, unknown>,
  id: (row: T) => string,
): { type: 'FeatureCollection'; features: unknown[] } {
  const features = [];
  for (const row of rows) {
    const at = place(row);
    if (!at || !Number.isFinite(at.latitude) || !Number.isFinite(at.longitude)) continue;
    features.push({
      type: 'Feature',
      id: id(row),
      geometry: { type: 'Point', coordinates: [at.longitude, at.latitude] },
      properties: properties(row),
    });
  }
  return { type: 'FeatureCollection', features };
}
