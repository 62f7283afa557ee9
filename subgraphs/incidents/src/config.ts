import {
  defaultSubgraphUrl,
  envReader,
  readCommonConfig,
  readDatabaseConfig,
  readEventBusConfig,
  subgraphEntry,
  type EnvReader,
} from '@ioc-graph/platform';

/** The incidents subgraph's settings, validated once at start. */
export function readIncidentsConfig(env: EnvReader = envReader()) {
  return {
    ...readCommonConfig(env),
    database: readDatabaseConfig(env),
    eventBus: readEventBusConfig(env),
    host: env.string('HOST', '127.0.0.1'),
    port: env.int('PORT', subgraphEntry('incidents').port, { min: 0, max: 65535 }),
    /** The directory subgraph, asked for units' ancestors and agencies when incidents are written. */
    directoryUrl: env.url('DIRECTORY_URL', defaultSubgraphUrl('directory')),
    /** How often the follow-up scheduler looks for due reminders, overdue marks and escalations; 0 stops it. */
    schedulerIntervalMs: env.int('SCHEDULER_INTERVAL_MS', 15_000, { min: 0, max: 3_600_000 }),
    /** Citizen reports accepted per client and hour (abuse limit). */
    citizenReportsPerHour: env.int('CITIZEN_REPORTS_PER_HOUR', 5, { min: 1, max: 10_000 }),
    /** Alerts of the same category this near in space and time are suggested as duplicates. */
    duplicateRadiusMeters: env.int('DUPLICATE_RADIUS_METERS', 300, { min: 1, max: 100_000 }),
    duplicateWindowHours: env.int('DUPLICATE_WINDOW_HOURS', 24, { min: 1, max: 24 * 30 }),
    /** CAP `sender` of the public warnings (an address that names the center), in every message and its references. */
    capSender: env.string('CAP_SENDER', 'ioc@binhphuoc.gov.vn'),
    /** The province's national code (Bình Phước: 70), in the CAP identifiers of the public warnings. */
    capProvinceCode: env.string('CAP_PROVINCE_CODE', '70'),
  };
}
export type IncidentsConfig = ReturnType<typeof readIncidentsConfig>;
