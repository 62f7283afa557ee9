import { registerEnumType } from 'type-graphql';
import { LOCAL_TIME_ZONE } from '../time';

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
registerEnumType(Severity, {
  name: 'Severity',
  description: 'How bad it is (mức độ nghiêm trọng), on the CAP 1.2 severity scale',
  valuesConfig: {
    EXTREME: { description: 'Extraordinary threat to life or property (đặc biệt nghiêm trọng)' },
    SEVERE: { description: 'Significant threat to life or property (nghiêm trọng)' },
    MODERATE: { description: 'Possible threat to life or property (trung bình)' },
    MINOR: { description: 'Minimal to no known threat to life or property (nhẹ)' },
    UNKNOWN: { description: 'Severity not known (chưa xác định); ranks below MINOR' },
  },
});

/** Severities from the least to the most severe. */
export const SEVERITY_ORDER: readonly Severity[] = [Severity.UNKNOWN, Severity.MINOR, Severity.MODERATE, Severity.SEVERE, Severity.EXTREME];
export const severityRank = (severity: Severity) => SEVERITY_ORDER.indexOf(severity);

/** The bucket of a time series, aligned to Asia/Ho_Chi_Minh. */
export enum SeriesBucket {
  HOUR = 'HOUR',
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(SeriesBucket, {
  name: 'SeriesBucket',
  description: 'Width of one point of a time series, aligned to local time Asia/Ho_Chi_Minh (giờ Việt Nam, UTC+7)',
  valuesConfig: {
    HOUR: { description: 'One clock hour (giờ)' },
    DAY: { description: 'One local day, from 00:00 Asia/Ho_Chi_Minh (ngày)' },
    WEEK: { description: 'One week from Monday 00:00 Asia/Ho_Chi_Minh (tuần, từ thứ Hai)' },
    MONTH: { description: 'One calendar month from its 1st, 00:00 Asia/Ho_Chi_Minh (tháng)' },
  },
});

const TRUNC: Record<SeriesBucket, string> = { HOUR: 'hour', DAY: 'day', WEEK: 'week', MONTH: 'month' };

/** SQL for the start (a timestamptz) of the local bucket of a timestamptz column or expression. */
export const localBucketSql = (bucket: SeriesBucket, column: string) =>
  `date_trunc('${TRUNC[bucket]}', ${column} at time zone '${LOCAL_TIME_ZONE}') at time zone '${LOCAL_TIME_ZONE}'`;

/** The kinds of agency: the directory's own, and what playbooks and categories ask for. */
export enum AgencyKind {
  PROVINCIAL_PEOPLES_COMMITTEE = 'PROVINCIAL_PEOPLES_COMMITTEE',
  OPERATIONS_CENTER = 'OPERATIONS_CENTER',
  PROVINCIAL_DEPARTMENT = 'PROVINCIAL_DEPARTMENT',
  POLICE = 'POLICE',
  FIRE_AND_RESCUE = 'FIRE_AND_RESCUE',
  HEALTH = 'HEALTH',
  MILITARY = 'MILITARY',
  PEOPLES_COMMITTEE = 'PEOPLES_COMMITTEE',
  PUBLIC_SERVICE = 'PUBLIC_SERVICE',
}
registerEnumType(AgencyKind, {
  name: 'AgencyKind',
  description: 'Kind of agency (loại cơ quan, đơn vị)',
  valuesConfig: {
    PROVINCIAL_PEOPLES_COMMITTEE: { description: 'The provincial people’s committee (UBND tỉnh)' },
    OPERATIONS_CENTER: { description: 'The intelligent operations center itself (Trung tâm IOC)' },
    PROVINCIAL_DEPARTMENT: { description: 'A provincial department or sector (sở, ngành), e.g. “Sở Xây dựng”' },
    POLICE: { description: 'Police (công an)' },
    FIRE_AND_RESCUE: { description: 'Fire prevention, fire fighting and rescue (PCCC & CNCH)' },
    HEALTH: { description: 'Health services (y tế), e.g. the emergency centre 115' },
    MILITARY: { description: 'Military command (quân sự), e.g. “Bộ Chỉ huy Quân sự tỉnh”' },
    PEOPLES_COMMITTEE: { description: 'A district or commune people’s committee (UBND cấp huyện/xã)' },
    PUBLIC_SERVICE: { description: 'A public service provider (đơn vị dịch vụ công), e.g. a water or power utility' },
  },
});
