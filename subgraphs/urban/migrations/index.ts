import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261202150000Initial } from './Migration20261202150000_initial';

/** The urban subgraph's migrations, oldest first. Listed by hand: no file discovery at run time. */
export const migrations: MigrationObject[] = [{ name: 'Migration20261202150000_initial', class: Migration20261202150000Initial }];
