import { Migration } from '@mikro-orm/migrations';

/** Public warnings (CAP 1.2) about alerts, and the CAP messages each sent: one active warning per alert. */
export class Migration20261211090000PublicWarnings extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "incidents"."public_warning" ("id" uuid not null, "alert_id" uuid not null, "state" text check ("state" in ('ACTIVE', 'CANCELLED', 'EXPIRED')) not null default 'ACTIVE', "content" jsonb not null, "expires" timestamptz not null, "issued_at" timestamptz not null, "changed_at" timestamptz not null, "message_count" int not null default 0, "version" int not null default 1, constraint "public_warning_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "public_warning_state_expires_index" on "incidents"."public_warning" ("state", "expires");`);
    this.addSql(
      `create unique index "public_warning_active_alert_unique" on "incidents"."public_warning" ("alert_id") where "state" = 'ACTIVE';`,
    );
    this.addSql(
      `alter table "incidents"."public_warning" add constraint "public_warning_alert_id_foreign" foreign key ("alert_id") references "incidents"."alert" ("id") on update cascade;`,
    );

    this.addSql(
      `create table "incidents"."public_warning_message" ("id" uuid not null, "warning_id" uuid not null, "sequence" int not null, "msg_type" text check ("msg_type" in ('ALERT', 'UPDATE', 'CANCEL')) not null, "identifier" text not null, "sender" text not null, "sent" timestamptz not null, "references" text null, "note" text null, "content" jsonb not null, constraint "public_warning_message_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "incidents"."public_warning_message" add constraint "public_warning_message_identifier_unique" unique ("identifier");`,
    );
    this.addSql(
      `alter table "incidents"."public_warning_message" add constraint "public_warning_message_warning_id_sequence_unique" unique ("warning_id", "sequence");`,
    );
    this.addSql(
      `alter table "incidents"."public_warning_message" add constraint "public_warning_message_warning_id_foreign" foreign key ("warning_id") references "incidents"."public_warning" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "incidents"."public_warning_message" cascade;`);
    this.addSql(`drop table if exists "incidents"."public_warning" cascade;`);
  }
}
