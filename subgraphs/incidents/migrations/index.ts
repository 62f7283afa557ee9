import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125165715Initial } from './Migration20261125165715_initial';
import { Migration20261125171902Outbox } from './Migration20261125171902_outbox';
import { Migration20261125182447SectorAlerts } from './Migration20261125182447_sectorAlerts';
import { Migration20261210090000AlertAgency } from './Migration20261210090000_alertAgency';
import { Migration20261211090000PublicWarnings } from './Migration20261211090000_publicWarnings';

/** The incidents subgraph's migrations, oldest first. Listed by hand: no file discovery at run time. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261125165715_initial', class: Migration20261125165715Initial },
  { name: 'Migration20261125171902_outbox', class: Migration20261125171902Outbox },
  { name: 'Migration20261125182447_sectorAlerts', class: Migration20261125182447SectorAlerts },
  { name: 'Migration20261210090000_alertAgency', class: Migration20261210090000AlertAgency },
  { name: 'Migration20261211090000_publicWarnings', class: Migration20261211090000PublicWarnings },
];
