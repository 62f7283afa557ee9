import { Migration } from '@mikro-orm/migrations';

/** The traffic subgraph's first tables: cameras, road segments, detections and their hourly rollups, congestion readings, rules, breaches, outbox, audit. */
export class Migration20261125184520Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "traffic";`);
    this.addSql(
      `create table "traffic"."audit_entry" ("id" uuid not null, "at" timestamptz not null, "actor" text not null, "actor_roles" text[] not null, "entity_type" text not null, "entity_id" uuid not null, "action" text not null, "changes" jsonb not null, "request_id" text null, constraint "audit_entry_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "audit_entry_entity_type_entity_id_at_index" on "traffic"."audit_entry" ("entity_type", "entity_id", "at");`);

    this.addSql(
      `create table "traffic"."camera" ("id" uuid not null, "code" text not null, "name_vi" text not null, "name_en" text not null, "road_name" text not null, "latitude" double precision not null, "longitude" double precision not null, "unit_id" uuid not null, "unit_lineage" text[] not null, "status" text check ("status" in ('ONLINE', 'OFFLINE')) not null default 'OFFLINE', "last_heartbeat_at" timestamptz null, "created_at" timestamptz not null, constraint "camera_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "traffic"."camera" add constraint "camera_code_unique" unique ("code");`);
    this.addSql(`create index "camera_unit_lineage_index" on "traffic"."camera" using gin ("unit_lineage");`);

    this.addSql(
      `create table "traffic"."congestion_reading" ("id" bigserial primary key, "source" text not null, "source_id" text not null, "segment_id" uuid not null, "level" int not null, "measured_at" timestamptz not null, "received_at" timestamptz not null);`,
    );
    this.addSql(
      `create index "congestion_reading_segment_id_measured_at_index" on "traffic"."congestion_reading" ("segment_id", "measured_at");`,
    );
    this.addSql(
      `alter table "traffic"."congestion_reading" add constraint "congestion_reading_source_source_id_unique" unique ("source", "source_id");`,
    );

    this.addSql(
      `create table "traffic"."detection" ("id" bigserial primary key, "source" text not null, "source_id" text not null, "camera_id" uuid not null, "kind" text check ("kind" in ('RED_LIGHT', 'WRONG_LANE', 'SPEEDING', 'ILLEGAL_PARKING', 'ACCIDENT', 'CONGESTION')) not null, "plate" text null, "image_url" text not null, "confidence" double precision not null, "detected_at" timestamptz not null, "received_at" timestamptz not null);`,
    );
    this.addSql(`create index "detection_detected_at_index" on "traffic"."detection" ("detected_at");`);
    this.addSql(`create index "detection_camera_id_detected_at_index" on "traffic"."detection" ("camera_id", "detected_at");`);
    this.addSql(`alter table "traffic"."detection" add constraint "detection_source_source_id_unique" unique ("source", "source_id");`);

    this.addSql(
      `create table "traffic"."hourly_detection" ("camera_id" uuid not null, "kind" text not null, "hour" timestamptz not null, "count" int not null, constraint "hourly_detection_pkey" primary key ("camera_id", "kind", "hour"));`,
    );
    this.addSql(`create index "hourly_detection_hour_index" on "traffic"."hourly_detection" ("hour");`);

    this.addSql(
      `create table "traffic"."outbox_event" ("seq" bigserial primary key, "id" uuid not null, "type" text not null, "entity_type" text not null, "entity_key" text not null, "payload" jsonb not null, "actor" text not null, "occurred_at" timestamptz not null, "audience" jsonb not null, "relayed_at" timestamptz null);`,
    );
    this.addSql(`alter table "traffic"."outbox_event" add constraint "outbox_event_id_unique" unique ("id");`);
    this.addSql(`create index "outbox_event_relayed_at_seq_index" on "traffic"."outbox_event" ("relayed_at", "seq");`);

    this.addSql(
      `create table "traffic"."road_segment" ("id" uuid not null, "code" text not null, "name_vi" text not null, "road_name" text not null, "from_place" text not null, "to_place" text not null, "unit_id" uuid not null, "unit_lineage" text[] not null, "created_at" timestamptz not null, constraint "road_segment_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "traffic"."road_segment" add constraint "road_segment_code_unique" unique ("code");`);
    this.addSql(`create index "road_segment_unit_lineage_index" on "traffic"."road_segment" using gin ("unit_lineage");`);

    this.addSql(
      `create table "traffic"."rule" ("id" uuid not null, "code" text not null, "name_vi" text not null, "kind" text check ("kind" in ('ACCIDENT', 'CONGESTION', 'CAMERA_OFFLINE')) not null, "threshold" double precision not null, "duration_minutes" int not null, "clear_after_minutes" int null, "severity" text check ("severity" in ('EXTREME', 'SEVERE', 'MODERATE', 'MINOR', 'UNKNOWN')) not null, "category_code" text null, "active" boolean not null default true, constraint "rule_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "traffic"."rule" add constraint "rule_code_unique" unique ("code");`);

    this.addSql(
      `create table "traffic"."breach" ("id" uuid not null, "rule_id" uuid not null, "subject_type" text not null, "subject_id" uuid not null, "subject_code" text not null, "started_at" timestamptz not null, "last_seen_at" timestamptz not null, "ended_at" timestamptz null, "peak_value" double precision not null, "severity" text check ("severity" in ('EXTREME', 'SEVERE', 'MODERATE', 'MINOR', 'UNKNOWN')) not null, constraint "breach_pkey" primary key ("id"));`,
    );
    this.addSql(`create unique index "breach_open_unique" on "traffic"."breach" ("rule_id", "subject_id") where "ended_at" is null;`);
    this.addSql(`create index "breach_started_at_index" on "traffic"."breach" ("started_at");`);

    this.addSql(
      `alter table "traffic"."breach" add constraint "breach_rule_id_foreign" foreign key ("rule_id") references "traffic"."rule" ("id") on update cascade;`,
    );
  }
}
