import { Migration } from '@mikro-orm/migrations';

/**
 * The e-government subgraph's first tables: the one-stop-shop system's agencies and procedures, its
 * dossiers (unique by source and source id, versioned by updated_at) and their hourly rollups, rules,
 * breaches, outbox, audit.
 */
export class Migration20261210090000Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "egov";`);
    this.addSql(
      `create table "egov"."audit_entry" ("id" uuid not null, "at" timestamptz not null, "actor" text not null, "actor_roles" text[] not null, "entity_type" text not null, "entity_id" uuid not null, "action" text not null, "changes" jsonb not null, "request_id" text null, constraint "audit_entry_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "audit_entry_entity_type_entity_id_at_index" on "egov"."audit_entry" ("entity_type", "entity_id", "at");`);

    this.addSql(
      `create table "egov"."service_agency" ("id" uuid not null, "code" text not null, "name_vi" text not null, "unit_id" uuid not null, "unit_lineage" text[] not null, constraint "service_agency_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "egov"."service_agency" add constraint "service_agency_code_unique" unique ("code");`);
    this.addSql(`create index "service_agency_unit_lineage_index" on "egov"."service_agency" using gin ("unit_lineage");`);

    this.addSql(
      `create table "egov"."procedure" ("id" uuid not null, "code" text not null, "name_vi" text not null, "name_en" text not null, "level" text check ("level" in ('FULL_ONLINE', 'PARTIAL_ONLINE')) not null, "processing_days" int not null, "agency_id" uuid not null, constraint "procedure_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "egov"."procedure" add constraint "procedure_code_unique" unique ("code");`);

    this.addSql(
      `create table "egov"."dossier" ("id" bigserial primary key, "source" text not null, "source_id" text not null, "procedure_id" uuid not null, "agency_id" uuid not null, "channel" text check ("channel" in ('ONLINE', 'DESK')) not null, "status" text check ("status" in ('RECEIVED', 'FINISHED', 'RETURNED')) not null, "received_at" timestamptz not null, "due_at" timestamptz not null, "finished_at" timestamptz null, "processing_days" double precision null, "updated_at" timestamptz not null, "received_here_at" timestamptz not null);`,
    );
    this.addSql(`alter table "egov"."dossier" add constraint "dossier_source_source_id_unique" unique ("source", "source_id");`);
    this.addSql(`create index "dossier_agency_id_received_at_index" on "egov"."dossier" ("agency_id", "received_at");`);
    this.addSql(`create index "dossier_pending_due_index" on "egov"."dossier" ("agency_id", "due_at") where "status" = 'RECEIVED';`);

    this.addSql(
      `create table "egov"."hourly_dossier" ("agency_id" uuid not null, "hour" timestamptz not null, "received" int not null, "received_online" int not null, "finished" int not null, "finished_on_time" int not null, "returned" int not null, "processing_days" double precision not null, constraint "hourly_dossier_pkey" primary key ("agency_id", "hour"));`,
    );
    this.addSql(`create index "hourly_dossier_hour_index" on "egov"."hourly_dossier" ("hour");`);

    this.addSql(
      `create table "egov"."outbox_event" ("seq" bigserial primary key, "id" uuid not null, "type" text not null, "entity_type" text not null, "entity_key" text not null, "payload" jsonb not null, "actor" text not null, "occurred_at" timestamptz not null, "audience" jsonb not null, "relayed_at" timestamptz null);`,
    );
    this.addSql(`alter table "egov"."outbox_event" add constraint "outbox_event_id_unique" unique ("id");`);
    this.addSql(`create index "outbox_event_relayed_at_seq_index" on "egov"."outbox_event" ("relayed_at", "seq");`);

    this.addSql(
      `create table "egov"."rule" ("id" uuid not null, "code" text not null, "name_vi" text not null, "metric" text not null, "comparison" text check ("comparison" in ('ABOVE')) not null default 'ABOVE', "threshold" double precision null, "duration_minutes" int not null, "severity" text check ("severity" in ('EXTREME', 'SEVERE', 'MODERATE', 'MINOR', 'UNKNOWN')) not null, "category_code" text not null, "unit_id" uuid null, "active" boolean not null default true, constraint "rule_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "egov"."rule" add constraint "rule_code_unique" unique ("code");`);

    this.addSql(
      `create table "egov"."breach" ("id" uuid not null, "rule_id" uuid not null, "agency_id" uuid not null, "agency_code" text not null, "started_at" timestamptz not null, "last_seen_at" timestamptz not null, "ended_at" timestamptz null, "peak_value" double precision not null, "severity" text check ("severity" in ('EXTREME', 'SEVERE', 'MODERATE', 'MINOR', 'UNKNOWN')) not null, constraint "breach_pkey" primary key ("id"));`,
    );
    this.addSql(`create unique index "breach_open_unique" on "egov"."breach" ("rule_id", "agency_id") where "ended_at" is null;`);
    this.addSql(`create index "breach_started_at_index" on "egov"."breach" ("started_at");`);
    this.addSql(
      `alter table "egov"."breach" add constraint "breach_rule_id_foreign" foreign key ("rule_id") references "egov"."rule" ("id") on update cascade;`,
    );
  }
}
