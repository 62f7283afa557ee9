import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261202132418Initial } from './Migration20261202132418_initial';

/** The health subgraph's migrations, oldest first. Listed by hand: no file discovery at run time. */
export const migrations: MigrationObject[] = [{ name: 'Migration20261202132418_initial', class: Migration20261202132418Initial }];
