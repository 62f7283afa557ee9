import { Migration } from '@mikro-orm/migrations';

/** An alert names the agency its source said is competent (a sector breach's agencyId), so that it is routed there. */
export class Migration20261210090000AlertAgency extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "incidents"."alert" add column "agency_id" uuid null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "incidents"."alert" drop column "agency_id";`);
  }
}
