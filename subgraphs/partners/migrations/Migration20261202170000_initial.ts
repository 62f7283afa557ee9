import { Migration } from '@mikro-orm/migrations';

/** The partners subgraph's first tables: partners, their API keys (hashes only), daily usage, outbox, audit. */
export class Migration20261202170000Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "partners";`);
    this.addSql(
      `create table "partners"."audit_entry" ("id" uuid not null, "at" timestamptz not null, "actor" text not null, "actor_roles" text[] not null, "entity_type" text not null, "entity_id" uuid not null, "action" text not null, "changes" jsonb not null, "request_id" text null, constraint "audit_entry_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "audit_entry_entity_type_entity_id_at_index" on "partners"."audit_entry" ("entity_type", "entity_id", "at");`,
    );

    this.addSql(
      `create table "partners"."outbox_event" ("seq" bigserial primary key, "id" uuid not null, "type" text not null, "entity_type" text not null, "entity_key" text not null, "payload" jsonb not null, "actor" text not null, "occurred_at" timestamptz not null, "audience" jsonb not null, "relayed_at" timestamptz null);`,
    );
    this.addSql(`alter table "partners"."outbox_event" add constraint "outbox_event_id_unique" unique ("id");`);
    this.addSql(`create index "outbox_event_relayed_at_seq_index" on "partners"."outbox_event" ("relayed_at", "seq");`);

    this.addSql(
      `create table "partners"."partner" ("id" uuid not null, "organisation" text not null, "contact_name" text not null, "contact_email" text not null, "purpose" text not null, "licence" text not null, "licence_accepted_at" timestamptz not null, "suspended" boolean not null default false, "created_at" timestamptz not null, "version" int not null default 1, constraint "partner_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "partner_created_at_index" on "partners"."partner" ("created_at", "id");`);

    // The secret is never stored: a key is found by the SHA-256 of the secret the partner sends.
    this.addSql(
      `create table "partners"."api_key" ("id" uuid not null, "partner_id" uuid not null, "label" text not null, "prefix" text not null, "hash" text not null, "scopes" text[] not null, "quota_per_minute" int not null, "quota_per_day" int not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "created_at" timestamptz not null, "last_used_at" timestamptz null, "version" int not null default 1, constraint "api_key_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "partners"."api_key" add constraint "api_key_hash_unique" unique ("hash");`);
    this.addSql(`create index "api_key_partner_id_index" on "partners"."api_key" ("partner_id");`);
    this.addSql(
      `alter table "partners"."api_key" add constraint "api_key_partner_id_foreign" foreign key ("partner_id") references "partners"."partner" ("id") on update cascade;`,
    );

    this.addSql(
      `create table "partners"."api_key_usage" ("key_id" uuid not null, "day" date not null, "requests" bigint not null default 0, "rows" bigint not null default 0, "bytes" bigint not null default 0, "refused" bigint not null default 0, constraint "api_key_usage_pkey" primary key ("key_id", "day"));`,
    );
    this.addSql(
      `alter table "partners"."api_key_usage" add constraint "api_key_usage_key_id_foreign" foreign key ("key_id") references "partners"."api_key" ("id") on update cascade;`,
    );
  }
}
