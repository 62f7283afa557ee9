import { envReader, type EnvReader } from '../config';

/** Where the database is: DATABASE_URL, or the embedded default when it is unset. */
export function readDatabaseConfig(env: EnvReader = envReader()) {
  const url = env.optional('DATABASE_URL');
  if (url !== undefined) env.url('DATABASE_URL');
  return {
    url,
    embedded: {
      dataDir: env.string('EMBEDDED_PG_DATA_DIR', '.data/postgres'),
      port: env.int('EMBEDDED_PG_PORT', 54329, { min: 1, max: 65535 }),
      database: env.string('EMBEDDED_PG_DATABASE', 'ioc_graph'),
    },
  };
}
export type DatabaseConfig = ReturnType<typeof readDatabaseConfig>;
