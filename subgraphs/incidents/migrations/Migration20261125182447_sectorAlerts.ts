import { Migration } from '@mikro-orm/migrations';

/** Where the incidents subgraph has read the event bus to: sectors' breaches become alerts. */
export class Migration20261125182447SectorAlerts extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "incidents"."bus_cursor" ("name" text not null, "position" bigint not null, constraint "bus_cursor_pkey" primary key ("name"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "incidents"."bus_cursor" cascade;`);
  }
}
