/** One page of a dataset as its GraphQL operation answered it. */
export interface DatasetPage<Row> {
  rows: Row[];
  /** Where the next page starts; null on the last page. */
  endCursor: string | null;
}

/** A column of the CSV form (and a field of the catalogue), with what it holds. */
export interface DatasetColumn<Row> {
  name: string;
  description: string;
  value(row: Row): unknown;
}

/** A query parameter a dataset takes, turned into its operation's variables; throw `badOpenRequest` when bad. */
export interface DatasetFilter {
  description: string;
  variables(value: string): Record<string, unknown>;
}

/**
 * An open dataset: a persisted operation that lists records by cursor, and how its records become rows of
 * JSON, CSV and (when they have a place) GeoJSON. Served at `/open/v1/<name>.<json|csv|geojson>` and
 * described in the catalogue (`/open/v1/catalog.jsonld`). A key reads it when its scopes name `scope`.
 */
export interface Dataset<Row = Record<string, unknown>> {
  /** The path segment and the catalogue identifier, e.g. `administrative-units`. */
  name: string;
  /** The API key scope that lets a partner read it (one scope may cover several datasets). */
  scope: string;
  titleVi: string;
  titleEn: string;
  descriptionEn: string;
  /** Words a catalogue search finds it by (dcat:keyword), Vietnamese and English. */
  keywords: string[];
  /** DCAT accrualPeriodicity: how often it changes. */
  updateFrequency: 'continuous' | 'hourly' | 'daily' | 'weekly' | 'monthly' | 'irregular';
  /** Seconds a client may keep an answer without asking again (the data's own cache hint); 0: ask every time. */
  maxAgeSeconds: number;
  /** The persisted operation (gateway/open/operations) that reads one page: variables `first`, `after` and the filters'. */
  operation: string;
  /**
   * `cursor` (the default): the operation pages itself by `first` and `after`. `list`: the operation answers
   * the whole (bounded) list at once, as the subgraphs' list queries do (stations, gauges, series), and the
   * export pages it by position, so that every dataset is read the same way by `limit` and `next`.
   */
  paging?: 'cursor' | 'list';
  /**
   * Records per GraphQL page of a `cursor` dataset (default 100, the subgraphs' largest): lower when the
   * operation selects so many fields that 100 of them would pass the gateway's query cost limit.
   */
  graphqlPage?: number;
  /** Its rows and next cursor, from the operation's `data` (and the variables it was run with). */
  page(data: unknown, variables: Record<string, unknown>): DatasetPage<Row>;
  columns: DatasetColumn<Row>[];
  /** Query parameters besides `limit` and `after`; any other is refused. */
  filters?: Record<string, DatasetFilter>;
  /**
   * The operation's variables once every filter is read: fills in defaults (a time window ending now) and
   * checks what spans several filters (`from` before `to`, the window's length); throw `badOpenRequest`.
   */
  complete?(variables: Record<string, unknown>, now: Date): Record<string, unknown>;
  id(row: Row): string;
  /** Where the record is: present for datasets with a GeoJSON form. */
  place?(row: Row): { latitude: number; longitude: number } | null;
  /** When the record last changed, when it says: the newest becomes `Last-Modified`. */
  modified?(row: Row): string | null;
}

/** What every open dataset is published under unless it says otherwise. */
export const OPEN_DATA_LICENCE = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
} as const;
