import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125175053Initial } from './Migration20261125175053_initial';
import { Migration20261201053948StepLog } from './Migration20261201053948_stepLog';

/** The dispatch subgraph's migrations, oldest first. Listed by hand: no file discovery at run time. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261125175053_initial', class: Migration20261125175053Initial },
  { name: 'Migration20261201053948_stepLog', class: Migration20261201053948StepLog },
];
