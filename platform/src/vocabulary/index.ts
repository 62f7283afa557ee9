import { registerEnumType } from 'type-graphql';

/**
 * The scales every subgraph shares, declared once so that their GraphQL types are identical wherever
 * they appear (federation merges them across subgraphs).
 */

/** CAP 1.2 severity. */
export enum Severity {
  EXTREME = 'EXTREME',
  SEVERE = 'SEVERE',
  MODERATE = 'MODERATE',
  MINOR = 'MINOR',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(Severity, { name: 'Severity', description: 'CAP 1.2 severity' });

/** Severities from the least to the most severe. */
export const SEVERITY_ORDER: readonly Severity[] = [Severity.UNKNOWN, Severity.MINOR, Severity.MODERATE, Severity.SEVERE, Severity.EXTREME];
export const severityRank = (severity: Severity) => SEVERITY_ORDER.indexOf(severity);

/** Where a day or week boundary matters, the province's time. */
export const LOCAL_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** The bucket of a time series, aligned to Asia/Ho_Chi_Minh. */
export enum SeriesBucket {
  HOUR = 'HOUR',
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(SeriesBucket, { name: 'SeriesBucket', description: 'Giờ, ngày, tuần (từ thứ Hai), tháng theo giờ Việt Nam' });

const TRUNC: Record<SeriesBucket, string> = { HOUR: 'hour', DAY: 'day', WEEK: 'week', MONTH: 'month' };

/** SQL for the start (a timestamptz) of the local bucket of a timestamptz column or expression. */
export const localBucketSql = (bucket: SeriesBucket, column: string) =>
  `date_trunc('${TRUNC[bucket]}', ${column} at time zone '${LOCAL_TIME_ZONE}') at time zone '${LOCAL_TIME_ZONE}'`;
