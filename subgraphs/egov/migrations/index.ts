import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261210090000Initial } from './Migration20261210090000_initial';

/** The e-government subgraph's migrations, oldest first. Listed by hand: no file discovery at run time. */
export const migrations: MigrationObject[] = [{ name: 'Migration20261210090000_initial', class: Migration20261210090000Initial }];
