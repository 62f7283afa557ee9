import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261202170000Initial } from './Migration20261202170000_initial';
import { Migration20261202180000TokenSubject } from './Migration20261202180000_tokenSubject';

/** The partners subgraph's migrations, oldest first. Listed by hand: no file discovery at run time. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261202170000_initial', class: Migration20261202170000Initial },
  { name: 'Migration20261202180000_tokenSubject', class: Migration20261202180000TokenSubject },
];
