import { Migration } from '@mikro-orm/migrations';

/** The security subgraph's first tables: communes, reports and their hourly rollups, hotspot rules, breaches, outbox, audit. */
export class Migration20261202131500Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "security";`);
    this.addSql(
      `create table "security"."audit_entry" ("id" uuid not null, "at" timestamptz not null, "actor" text not null, "actor_roles" text[] not null, "entity_type" text not null, "entity_id" uuid not null, "action" text not null, "changes" jsonb not null, "request_id" text null, constraint "audit_entry_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "audit_entry_entity_type_entity_id_at_index" on "security"."audit_entry" ("entity_type", "entity_id", "at");`,
    );

    this.addSql(
      `create table "security"."commune" ("id" uuid not null, "code" text not null, "name_vi" text not null, "name_en" text not null, "unit_lineage" text[] not null, "district_unit_id" uuid not null, constraint "commune_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "security"."commune" add constraint "commune_code_unique" unique ("code");`);
    this.addSql(`create index "commune_unit_lineage_index" on "security"."commune" using gin ("unit_lineage");`);

    // No column for a name, an ID number or a phone: a case is known here only by its reference.
    this.addSql(
      `create table "security"."report" ("id" bigserial primary key, "source" text not null, "source_id" text not null, "case_ref" text not null, "category" text check ("category" in ('THEFT', 'ROBBERY', 'AFFRAY', 'PUBLIC_DISORDER', 'GAMBLING', 'DRUGS', 'TRAFFIC_DISORDER')) not null, "channel" text check ("channel" in ('HOTLINE_113', 'PATROL')) not null, "commune_id" uuid not null, "place" text not null, "police_unit" text not null, "status" text check ("status" in ('RECEIVED', 'VERIFYING', 'HANDLING', 'RESOLVED', 'TRANSFERRED', 'UNFOUNDED')) not null, "reported_at" timestamptz not null, "received_at" timestamptz not null);`,
    );
    this.addSql(`create index "report_reported_at_index" on "security"."report" ("reported_at");`);
    this.addSql(`create index "report_commune_id_reported_at_index" on "security"."report" ("commune_id", "reported_at");`);
    this.addSql(`alter table "security"."report" add constraint "report_source_source_id_unique" unique ("source", "source_id");`);

    this.addSql(
      `create table "security"."hourly_report" ("commune_id" uuid not null, "category" text not null, "hour" timestamptz not null, "count" int not null, constraint "hourly_report_pkey" primary key ("commune_id", "category", "hour"));`,
    );
    this.addSql(`create index "hourly_report_hour_index" on "security"."hourly_report" ("hour");`);

    this.addSql(
      `create table "security"."outbox_event" ("seq" bigserial primary key, "id" uuid not null, "type" text not null, "entity_type" text not null, "entity_key" text not null, "payload" jsonb not null, "actor" text not null, "occurred_at" timestamptz not null, "audience" jsonb not null, "relayed_at" timestamptz null);`,
    );
    this.addSql(`alter table "security"."outbox_event" add constraint "outbox_event_id_unique" unique ("id");`);
    this.addSql(`create index "outbox_event_relayed_at_seq_index" on "security"."outbox_event" ("relayed_at", "seq");`);

    this.addSql(
      `create table "security"."rule" ("id" uuid not null, "code" text not null, "name_vi" text not null, "duration_minutes" int not null, "severity" text check ("severity" in ('EXTREME', 'SEVERE', 'MODERATE', 'MINOR', 'UNKNOWN')) not null, "active" boolean not null default true, "categories" text[] not null, "window_hours" int not null, "baseline_days" int not null, "sigmas" double precision not null, "floor" int not null, "category_code" text not null, "unit_id" uuid null, constraint "rule_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "security"."rule" add constraint "rule_code_unique" unique ("code");`);

    this.addSql(
      `create table "security"."breach" ("id" uuid not null, "rule_id" uuid not null, "commune_id" uuid not null, "commune_code" text not null, "usual_level" double precision not null, "started_at" timestamptz not null, "last_seen_at" timestamptz not null, "ended_at" timestamptz null, "peak_value" double precision not null, "severity" text check ("severity" in ('EXTREME', 'SEVERE', 'MODERATE', 'MINOR', 'UNKNOWN')) not null, constraint "breach_pkey" primary key ("id"));`,
    );
    this.addSql(`create unique index "breach_open_unique" on "security"."breach" ("rule_id", "commune_id") where "ended_at" is null;`);
    this.addSql(`create index "breach_started_at_index" on "security"."breach" ("started_at");`);
    this.addSql(
      `alter table "security"."breach" add constraint "breach_rule_id_foreign" foreign key ("rule_id") references "security"."rule" ("id") on update cascade;`,
    );
  }
}
