import { Migration } from '@mikro-orm/migrations';

/** The dispatch subgraph's first tables: unit states and positions, assignments and their log, category needs, outbox. */
export class Migration20261125175053Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "dispatch";`);
    this.addSql(
      `create table "dispatch"."assignment" ("id" uuid not null, "incident_id" uuid not null, "incident_code" text not null, "incident_title" text not null, "field_unit_id" uuid not null, "agency_id" uuid not null, "unit_kind" text not null, "state" text check ("state" in ('DISPATCHED', 'ACCEPTED', 'EN_ROUTE', 'ON_SCENE', 'CLEARED', 'DECLINED', 'CANCELLED')) not null default 'DISPATCHED', "received_at" timestamptz not null, "dispatched_at" timestamptz not null, "accepted_at" timestamptz null, "en_route_at" timestamptz null, "on_scene_at" timestamptz null, "cleared_at" timestamptz null, "ended_at" timestamptz null, "end_reason" text null, "dispatch_note" text null, "scene_latitude" double precision null, "scene_longitude" double precision null, "unit_lineage" text[] not null, "exercise" boolean not null default false, "version" int not null default 1, constraint "assignment_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create unique index "assignment_one_active_per_unit" on "dispatch"."assignment" ("field_unit_id") where "state" in ('DISPATCHED', 'ACCEPTED', 'EN_ROUTE', 'ON_SCENE');`,
    );
    this.addSql(
      `create index "assignment_field_unit_id_dispatched_at_index" on "dispatch"."assignment" ("field_unit_id", "dispatched_at");`,
    );
    this.addSql(`create index "assignment_incident_id_index" on "dispatch"."assignment" ("incident_id");`);

    this.addSql(
      `create table "dispatch"."assignment_log" ("id" uuid not null, "assignment_id" uuid not null, "at" timestamptz not null, "actor" text not null, "action" text not null, "from_state" text null, "to_state" text null, "note" text null, "photo_url" text null, constraint "assignment_log_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "assignment_log_assignment_id_at_index" on "dispatch"."assignment_log" ("assignment_id", "at");`);

    this.addSql(
      `create table "dispatch"."audit_entry" ("id" uuid not null, "at" timestamptz not null, "actor" text not null, "actor_roles" text[] not null, "entity_type" text not null, "entity_id" uuid not null, "action" text not null, "changes" jsonb not null, "request_id" text null, constraint "audit_entry_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "audit_entry_entity_type_entity_id_at_index" on "dispatch"."audit_entry" ("entity_type", "entity_id", "at");`,
    );

    this.addSql(
      `create table "dispatch"."category_need" ("category_code" text not null, "unit_kinds" text[] not null, constraint "category_need_pkey" primary key ("category_code"));`,
    );

    this.addSql(
      `create table "dispatch"."outbox_event" ("seq" bigserial primary key, "id" uuid not null, "type" text not null, "entity_type" text not null, "entity_key" text not null, "payload" jsonb not null, "actor" text not null, "occurred_at" timestamptz not null, "audience" jsonb not null, "relayed_at" timestamptz null);`,
    );
    this.addSql(`alter table "dispatch"."outbox_event" add constraint "outbox_event_id_unique" unique ("id");`);
    this.addSql(`create index "outbox_event_relayed_at_seq_index" on "dispatch"."outbox_event" ("relayed_at", "seq");`);

    this.addSql(
      `create table "dispatch"."position_report" ("id" uuid not null, "field_unit_id" uuid not null, "latitude" double precision not null, "longitude" double precision not null, "at" timestamptz not null, "speed_kmh" double precision null, "heading" double precision null, constraint "position_report_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "position_report_field_unit_id_at_index" on "dispatch"."position_report" ("field_unit_id", "at");`);

    this.addSql(
      `create table "dispatch"."unit_state" ("field_unit_id" uuid not null, "status" text check ("status" in ('AVAILABLE', 'DISPATCHED', 'EN_ROUTE', 'ON_SCENE', 'TRANSPORTING', 'OUT_OF_SERVICE')) not null default 'AVAILABLE', "latitude" double precision null, "longitude" double precision null, "position_at" timestamptz null, "active_assignment_id" uuid null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "unit_state_pkey" primary key ("field_unit_id"));`,
    );
  }
}
