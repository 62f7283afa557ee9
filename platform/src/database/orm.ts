import { DataloaderType, MikroORM, type EntityClass, type EntitySchema, type MigrationObject } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver, type EntityManager } from '@mikro-orm/postgresql';

export interface OrmOptions {
  /** postgres:// URL of the server and database. */
  url: string;
  /** The subgraph's own PostgreSQL schema (namespace): its tables live nowhere else. */
  schema: string;
  entities: (EntityClass<unknown> | EntitySchema)[];
  /** The subgraph's committed migrations, in order. Listed explicitly: no file discovery at run time. */
  migrations: MigrationObject[];
  /** Called with each SQL statement sent; tests count statements with it. */
  onQuery?: (sql: string) => void;
  poolSize?: number;
}

/**
 * A subgraph's MikroORM: PostgreSQL driver, and `EntityManager` from `@mikro-orm/postgresql` (with
 * `execute`, `getKnex`, `createQueryBuilder`), the one entity-manager type used across the tree.
 */
export type Orm = MikroORM<PostgreSqlDriver, EntityManager>;

/** One MikroORM per subgraph, on its own schema. */
export async function createOrm(options: OrmOptions): Promise<Orm> {
  return MikroORM.init<PostgreSqlDriver, EntityManager>({
    driver: PostgreSqlDriver,
    clientUrl: options.url,
    schema: options.schema,
    entities: options.entities,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    extensions: [Migrator],
    migrations: {
      migrationsList: options.migrations,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    // Reference.load() and collection loads issued in the same tick are batched into one IN (...) query.
    dataloader: DataloaderType.ALL,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    // Idle connections close after 5 s rather than 30: ten subgraphs on one server should not hold
    // connections that a busy one needs.
    pool: { min: 0, max: options.poolSize ?? 10, idleTimeoutMillis: 5_000 },
    debug: options.onQuery ? ['query'] : false,
    logger: options.onQuery ? (message: string) => options.onQuery!(message) : () => undefined,
    colors: false,
  });
}

/** Applies pending migrations; returns the names applied. */
export async function migrate(orm: Orm): Promise<string[]> {
  await orm.em.getConnection().execute(`CREATE SCHEMA IF NOT EXISTS "${orm.config.get('schema')}"`);
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}

/** Database reachable and no migration pending: what `/readyz` reports. */
export async function checkDatabase(orm: Orm): Promise<{ ok: boolean; detail?: string }> {
  try {
    await orm.em.getConnection().execute('SELECT 1');
    const pending = await orm.getMigrator().getPendingMigrations();
    return pending.length ? { ok: false, detail: `${pending.length} migration(s) pending` } : { ok: true };
  } catch (error) {
    return { ok: false, detail: `database unreachable: ${(error as Error).message}` };
  }
}
