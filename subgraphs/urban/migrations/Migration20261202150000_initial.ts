import { Migration } from '@mikro-orm/migrations';

/**
 * The urban subgraph's first tables: street-lighting cabinets, circuits, controller reports and their
 * hourly rollups; waste collection points, trucks, GPS pings and collections; urban-order inspection
 * records; rules, breaches, outbox, audit.
 */
export class Migration20261202150000Initial extends Migration {
  override async up(): Promise<void> {
    const severity = `check ("severity" in ('EXTREME', 'SEVERE', 'MODERATE', 'MINOR', 'UNKNOWN'))`;
    this.addSql(`create schema if not exists "urban";`);
    this.addSql(
      `create table "urban"."audit_entry" ("id" uuid not null, "at" timestamptz not null, "actor" text not null, "actor_roles" text[] not null, "entity_type" text not null, "entity_id" uuid not null, "action" text not null, "changes" jsonb not null, "request_id" text null, constraint "audit_entry_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "audit_entry_entity_type_entity_id_at_index" on "urban"."audit_entry" ("entity_type", "entity_id", "at");`);
    this.addSql(
      `create table "urban"."outbox_event" ("seq" bigserial primary key, "id" uuid not null, "type" text not null, "entity_type" text not null, "entity_key" text not null, "payload" jsonb not null, "actor" text not null, "occurred_at" timestamptz not null, "audience" jsonb not null, "relayed_at" timestamptz null);`,
    );
    this.addSql(`alter table "urban"."outbox_event" add constraint "outbox_event_id_unique" unique ("id");`);
    this.addSql(`create index "outbox_event_relayed_at_seq_index" on "urban"."outbox_event" ("relayed_at", "seq");`);

    this.addSql(
      `create table "urban"."lighting_cabinet" ("id" uuid not null, "code" text not null, "name_vi" text not null, "name_en" text not null, "latitude" double precision not null, "longitude" double precision not null, "unit_id" uuid not null, "unit_lineage" text[] not null, "last_report_at" timestamptz null, "created_at" timestamptz not null, constraint "lighting_cabinet_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "urban"."lighting_cabinet" add constraint "lighting_cabinet_code_unique" unique ("code");`);
    this.addSql(`create index "lighting_cabinet_unit_lineage_index" on "urban"."lighting_cabinet" using gin ("unit_lineage");`);
    this.addSql(
      `create table "urban"."lighting_circuit" ("id" uuid not null, "code" text not null, "cabinet_id" uuid not null, "name_vi" text not null, "name_en" text not null, "lamp_count" int not null, "state" text check ("state" in ('ON', 'OFF', 'FAULT')) null, "failed_lamps" int not null default 0, "last_report_at" timestamptz null, "unit_id" uuid not null, "unit_lineage" text[] not null, constraint "lighting_circuit_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "urban"."lighting_circuit" add constraint "lighting_circuit_code_unique" unique ("code");`);
    this.addSql(`create index "lighting_circuit_cabinet_id_index" on "urban"."lighting_circuit" ("cabinet_id");`);
    this.addSql(`create index "lighting_circuit_unit_lineage_index" on "urban"."lighting_circuit" using gin ("unit_lineage");`);
    this.addSql(
      `create table "urban"."lighting_report" ("id" bigserial primary key, "source" text not null, "source_id" text not null, "circuit_id" uuid not null, "state" text check ("state" in ('ON', 'OFF', 'FAULT')) not null, "failed_lamps" int not null, "reported_at" timestamptz not null, "received_at" timestamptz not null);`,
    );
    this.addSql(
      `alter table "urban"."lighting_report" add constraint "lighting_report_source_source_id_unique" unique ("source", "source_id");`,
    );
    this.addSql(`create index "lighting_report_circuit_id_reported_at_index" on "urban"."lighting_report" ("circuit_id", "reported_at");`);
    this.addSql(
      `create table "urban"."hourly_lighting" ("circuit_id" uuid not null, "hour" timestamptz not null, "count" int not null, "sum" double precision not null, "max" double precision not null, constraint "hourly_lighting_pkey" primary key ("circuit_id", "hour"));`,
    );
    this.addSql(`create index "hourly_lighting_hour_index" on "urban"."hourly_lighting" ("hour");`);

    this.addSql(
      `create table "urban"."collection_point" ("id" uuid not null, "code" text not null, "name_vi" text not null, "name_en" text not null, "latitude" double precision not null, "longitude" double precision not null, "radius_meters" int not null, "schedule_days" int[] not null, "unit_id" uuid not null, "unit_lineage" text[] not null, "created_at" timestamptz not null, constraint "collection_point_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "urban"."collection_point" add constraint "collection_point_code_unique" unique ("code");`);
    this.addSql(`create index "collection_point_unit_lineage_index" on "urban"."collection_point" using gin ("unit_lineage");`);
    this.addSql(
      `create table "urban"."waste_truck" ("id" uuid not null, "code" text not null, "name_vi" text not null, "name_en" text not null, "plate" text not null, "unit_id" uuid not null, "last_ping_at" timestamptz null, "last_latitude" double precision null, "last_longitude" double precision null, "created_at" timestamptz not null, constraint "waste_truck_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "urban"."waste_truck" add constraint "waste_truck_code_unique" unique ("code");`);
    this.addSql(
      `create table "urban"."truck_ping" ("id" bigserial primary key, "source" text not null, "source_id" text not null, "truck_id" uuid not null, "latitude" double precision not null, "longitude" double precision not null, "at" timestamptz not null, "received_at" timestamptz not null);`,
    );
    this.addSql(`alter table "urban"."truck_ping" add constraint "truck_ping_source_source_id_unique" unique ("source", "source_id");`);
    this.addSql(`create index "truck_ping_truck_id_at_index" on "urban"."truck_ping" ("truck_id", "at");`);
    this.addSql(
      `create table "urban"."collection" ("id" uuid not null, "point_id" uuid not null, "local_day" date not null, "collected_at" timestamptz not null, "method" text check ("method" in ('GPS', 'RECORD')) not null, "truck_id" uuid null, "recorded_by" text null, constraint "collection_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "urban"."collection" add constraint "collection_point_id_local_day_unique" unique ("point_id", "local_day");`);
    this.addSql(`create index "collection_collected_at_index" on "urban"."collection" ("collected_at");`);

    this.addSql(
      `create table "urban"."inspection" ("id" uuid not null, "kind" text check ("kind" in ('SIDEWALK_ENCROACHMENT', 'ILLEGAL_CONSTRUCTION', 'ILLEGAL_DUMPING')) not null, "description" text not null, "address" text not null, "latitude" double precision not null, "longitude" double precision not null, "unit_id" uuid not null, "unit_lineage" text[] not null, "field_unit_id" uuid null, "agency_id" uuid null, "filed_by" text not null, "observed_at" timestamptz not null, "photos" text[] not null, "status" text check ("status" in ('OPEN', 'REMEDIED')) not null, "reported_to_center" boolean not null, "remedied_at" timestamptz null, "created_at" timestamptz not null, constraint "inspection_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "inspection_unit_lineage_index" on "urban"."inspection" using gin ("unit_lineage");`);
    this.addSql(`create index "inspection_observed_at_index" on "urban"."inspection" ("observed_at");`);

    this.addSql(
      `create table "urban"."rule" ("id" uuid not null, "code" text not null, "name_vi" text not null, "kind" text check ("kind" in ('LAMPS_FAILED', 'CABINET_OFFLINE', 'WASTE_UNCOLLECTED')) not null, "threshold" double precision not null, "duration_minutes" int not null, "severity" text ${severity} not null, "category_code" text not null, "active" boolean not null default true, constraint "rule_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "urban"."rule" add constraint "rule_code_unique" unique ("code");`);
    this.addSql(
      `create table "urban"."breach" ("id" uuid not null, "rule_id" uuid not null, "subject_type" text not null, "subject_id" uuid not null, "subject_code" text not null, "started_at" timestamptz not null, "last_seen_at" timestamptz not null, "ended_at" timestamptz null, "peak_value" double precision not null, "severity" text ${severity} not null, constraint "breach_pkey" primary key ("id"));`,
    );
    this.addSql(`create unique index "breach_open_unique" on "urban"."breach" ("rule_id", "subject_id") where "ended_at" is null;`);
    this.addSql(`create index "breach_started_at_index" on "urban"."breach" ("started_at");`);
    this.addSql(
      `alter table "urban"."breach" add constraint "breach_rule_id_foreign" foreign key ("rule_id") references "urban"."rule" ("id") on update cascade;`,
    );
  }
}
