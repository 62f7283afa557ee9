import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125184520Initial } from './Migration20261125184520_initial';

/** The traffic subgraph's migrations, oldest first. Listed by hand: no file discovery at run time. */
export const migrations: MigrationObject[] = [{ name: 'Migration20261125184520_initial', class: Migration20261125184520Initial }];
