import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125174813Initial } from './Migration20261125174813_initial';

/** The command subgraph's migrations, oldest first. Listed by hand: no file discovery at run time. */
export const migrations: MigrationObject[] = [{ name: 'Migration20261125174813_initial', class: Migration20261125174813Initial }];
