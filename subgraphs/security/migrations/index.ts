import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261202131500Initial } from './Migration20261202131500_initial';

/** The security subgraph's migrations, oldest first. Listed by hand: no file discovery at run time. */
export const migrations: MigrationObject[] = [{ name: 'Migration20261202131500_initial', class: Migration20261202131500Initial }];
