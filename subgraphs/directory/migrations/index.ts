import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124213434Initial } from './Migration20261124213434_initial';
import { Migration20261201090000Outbox } from './Migration20261201090000_outbox';

/** The directory's migrations, oldest first. Listed by hand: no file discovery at run time. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261124213434_initial', class: Migration20261124213434Initial },
  { name: 'Migration20261201090000_outbox', class: Migration20261201090000Outbox },
];
