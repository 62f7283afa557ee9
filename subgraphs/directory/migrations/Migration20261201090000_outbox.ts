import { Migration } from '@mikro-orm/migrations';

/**
 * The transactional outbox: the directory announces changes to units and agencies, which other
 * subgraphs copy and cache, with the changes themselves.
 */
export class Migration20261201090000Outbox extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "directory"."outbox_event" ("seq" bigserial primary key, "id" uuid not null, "type" text not null, "entity_type" text not null, "entity_key" text not null, "payload" jsonb not null, "actor" text not null, "occurred_at" timestamptz not null, "audience" jsonb not null, "relayed_at" timestamptz null);`,
    );
    this.addSql(`alter table "directory"."outbox_event" add constraint "outbox_event_id_unique" unique ("id");`);
    this.addSql(`create index "outbox_event_relayed_at_seq_index" on "directory"."outbox_event" ("relayed_at", "seq");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "directory"."outbox_event" cascade;`);
  }
}
