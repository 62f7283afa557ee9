import { Migration } from '@mikro-orm/migrations';

/** The transactional outbox: events written with the changes they report, relayed to the event bus. */
export class Migration20261125171902Outbox extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "incidents"."outbox_event" ("seq" bigserial primary key, "id" uuid not null, "type" text not null, "entity_type" text not null, "entity_key" text not null, "payload" jsonb not null, "actor" text not null, "occurred_at" timestamptz not null, "audience" jsonb not null, "relayed_at" timestamptz null);`,
    );
    this.addSql(`alter table "incidents"."outbox_event" add constraint "outbox_event_id_unique" unique ("id");`);
    this.addSql(`create index "outbox_event_relayed_at_seq_index" on "incidents"."outbox_event" ("relayed_at", "seq");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "incidents"."outbox_event" cascade;`);
  }
}
