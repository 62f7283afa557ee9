import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125182759Initial } from './Migration20261125182759_initial';
import { Migration20261125183510Rules } from './Migration20261125183510_rules';
import { Migration20261202030000ReadingKey } from './Migration20261202030000_readingKey';
import { Migration20261202140000LatestReading } from './Migration20261202140000_latestReading';

/** The environment subgraph's migrations, oldest first. Listed by hand: no file discovery at run time. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261125182759_initial', class: Migration20261125182759Initial },
  { name: 'Migration20261125183510_rules', class: Migration20261125183510Rules },
  { name: 'Migration20261202030000_readingKey', class: Migration20261202030000ReadingKey },
  { name: 'Migration20261202140000_latestReading', class: Migration20261202140000LatestReading },
];
