import { Migration } from '@mikro-orm/migrations';

/** The health subgraph's first tables: facilities and their load, reporting communes and case counts, rules and breaches, outbox, audit. */
export class Migration20261202132418Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "health";`);
    this.addSql(
      `create table "health"."audit_entry" ("id" uuid not null, "at" timestamptz not null, "actor" text not null, "actor_roles" text[] not null, "action" text not null, "request_id" text null, "entity_type" text not null, "entity_id" uuid not null, "changes" jsonb not null, constraint "audit_entry_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "audit_entry_entity_type_entity_id_at_index" on "health"."audit_entry" ("entity_type", "entity_id", "at");`);

    this.addSql(
      `create table "health"."case_report" ("source" text not null, "source_id" text not null, "disease" text not null, "unit_id" uuid not null, "reported_at" timestamptz not null, "cases" int not null, "deaths" int not null, "received_at" timestamptz not null, constraint "case_report_pkey" primary key ("source", "source_id"));`,
    );

    this.addSql(
      `create table "health"."facility" ("id" uuid not null, "code" text not null, "name_vi" text not null, "name_en" text not null, "search_text" text not null, "kind" text check ("kind" in ('GENERAL_HOSPITAL', 'SPECIALIZED_HOSPITAL', 'HEALTH_CENTRE', 'COMMUNE_HEALTH_STATION')) not null, "level" text check ("level" in ('PROVINCIAL', 'DISTRICT', 'COMMUNE')) not null, "address" text not null, "unit_id" uuid not null, "unit_lineage" text[] not null, "latitude" double precision not null, "longitude" double precision not null, "beds" int not null, "emergency_capacity" int not null, "ambulances" int not null, "active" boolean not null default true, "created_at" timestamptz not null, constraint "facility_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "health"."facility" add constraint "facility_code_unique" unique ("code");`);
    this.addSql(`create index "facility_unit_lineage_index" on "health"."facility" using gin ("unit_lineage");`);

    this.addSql(
      `create table "health"."facility_load" ("source" text not null, "source_id" text not null, "facility_id" uuid not null, "reported_at" timestamptz not null, "beds_occupied" int not null, "emergency_waiting" int not null, "ambulances_available" int not null, "received_at" timestamptz not null, constraint "facility_load_pkey" primary key ("source", "source_id"));`,
    );
    this.addSql(`create index "facility_load_facility_id_reported_at_index" on "health"."facility_load" ("facility_id", "reported_at");`);

    this.addSql(
      `create table "health"."rule" ("id" uuid not null, "code" text not null, "name_vi" text not null, "duration_minutes" int not null, "severity" text check ("severity" in ('EXTREME', 'SEVERE', 'MODERATE', 'MINOR', 'UNKNOWN')) not null, "active" boolean not null default true, "metric" text not null, "comparison" text check ("comparison" in ('ABOVE')) not null default 'ABOVE', "threshold" double precision null, "category_code" text not null, "unit_id" uuid null, "disease" text check ("disease" in ('DENGUE', 'HAND_FOOT_MOUTH', 'MEASLES', 'COVID_19')) null, "baseline_years" int null, "min_baseline_years" int not null default 3, constraint "rule_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "health"."rule" add constraint "rule_code_unique" unique ("code");`);

    this.addSql(
      `create table "health"."breach" ("id" uuid not null, "started_at" timestamptz not null, "last_seen_at" timestamptz not null, "ended_at" timestamptz null, "peak_value" double precision not null, "severity" text check ("severity" in ('EXTREME', 'SEVERE', 'MODERATE', 'MINOR', 'UNKNOWN')) not null, "rule_id" uuid not null, "subject_type" text not null, "subject_id" uuid not null, "subject_code" text not null, constraint "breach_pkey" primary key ("id"));`,
    );
    this.addSql(`create unique index "breach_open_unique" on "health"."breach" ("rule_id", "subject_id") where "ended_at" is null;`);
    this.addSql(`create index "breach_started_at_index" on "health"."breach" ("started_at");`);

    this.addSql(
      `create table "health"."hourly_cases" ("unit_id" uuid not null, "disease" text not null, "measure" text not null, "hour" timestamptz not null, "sum" double precision not null, "count" int not null, constraint "hourly_cases_pkey" primary key ("unit_id", "disease", "measure", "hour"));`,
    );
    this.addSql(`create index "hourly_cases_disease_hour_index" on "health"."hourly_cases" ("disease", "hour");`);

    this.addSql(
      `create table "health"."hourly_load" ("facility_id" uuid not null, "metric" text not null, "hour" timestamptz not null, "sum" double precision not null, "count" int not null, "min" double precision not null, "max" double precision not null, constraint "hourly_load_pkey" primary key ("facility_id", "metric", "hour"));`,
    );

    this.addSql(
      `create table "health"."latest_load" ("facility_id" uuid not null, "source" text not null, "source_id" text not null, "reported_at" timestamptz not null, "beds_occupied" int not null, "emergency_waiting" int not null, "ambulances_available" int not null, constraint "latest_load_pkey" primary key ("facility_id"));`,
    );

    this.addSql(
      `create table "health"."outbox_event" ("seq" bigserial primary key, "id" uuid not null, "type" text not null, "entity_type" text not null, "entity_key" text not null, "payload" jsonb not null, "actor" text not null, "occurred_at" timestamptz not null, "audience" jsonb not null, "relayed_at" timestamptz null);`,
    );
    this.addSql(`alter table "health"."outbox_event" add constraint "outbox_event_id_unique" unique ("id");`);
    this.addSql(`create index "outbox_event_relayed_at_seq_index" on "health"."outbox_event" ("relayed_at", "seq");`);

    this.addSql(
      `create table "health"."reporting_unit" ("unit_id" uuid not null, "code" text not null, "name_vi" text not null, "unit_lineage" text[] not null, constraint "reporting_unit_pkey" primary key ("unit_id"));`,
    );
    this.addSql(`alter table "health"."reporting_unit" add constraint "reporting_unit_code_unique" unique ("code");`);
    this.addSql(`create index "reporting_unit_lineage_index" on "health"."reporting_unit" using gin ("unit_lineage");`);

    this.addSql(
      `alter table "health"."breach" add constraint "breach_rule_id_foreign" foreign key ("rule_id") references "health"."rule" ("id") on update cascade;`,
    );
  }
}
