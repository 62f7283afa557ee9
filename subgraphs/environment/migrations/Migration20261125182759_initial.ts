import { Migration } from '@mikro-orm/migrations';

/** The environment subgraph's first tables: stations, raw readings, hourly rollups, hourly station AQI, outbox, audit. */
export class Migration20261125182759Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "environment";`);
    this.addSql(
      `create table "environment"."audit_entry" ("id" uuid not null, "at" timestamptz not null, "actor" text not null, "actor_roles" text[] not null, "entity_type" text not null, "entity_id" uuid not null, "action" text not null, "changes" jsonb not null, "request_id" text null, constraint "audit_entry_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "audit_entry_entity_type_entity_id_at_index" on "environment"."audit_entry" ("entity_type", "entity_id", "at");`,
    );

    this.addSql(
      `create table "environment"."hourly_rollup" ("station_id" uuid not null, "metric" text not null, "hour" timestamptz not null, "sum" double precision not null, "count" int not null, "min" double precision not null, "max" double precision not null, constraint "hourly_rollup_pkey" primary key ("station_id", "metric", "hour"));`,
    );
    this.addSql(`create index "hourly_rollup_metric_hour_index" on "environment"."hourly_rollup" ("metric", "hour");`);

    this.addSql(
      `create table "environment"."outbox_event" ("seq" bigserial primary key, "id" uuid not null, "type" text not null, "entity_type" text not null, "entity_key" text not null, "payload" jsonb not null, "actor" text not null, "occurred_at" timestamptz not null, "audience" jsonb not null, "relayed_at" timestamptz null);`,
    );
    this.addSql(`alter table "environment"."outbox_event" add constraint "outbox_event_id_unique" unique ("id");`);
    this.addSql(`create index "outbox_event_relayed_at_seq_index" on "environment"."outbox_event" ("relayed_at", "seq");`);

    this.addSql(
      `create table "environment"."reading" ("id" bigserial primary key, "source" text not null, "source_id" text not null, "station_id" uuid not null, "metric" text check ("metric" in ('PM2_5', 'PM10', 'NO2', 'SO2', 'CO', 'O3', 'TEMPERATURE', 'HUMIDITY', 'RAINFALL', 'WATER_LEVEL', 'NOISE')) not null, "value" double precision not null, "measured_at" timestamptz not null, "received_at" timestamptz not null);`,
    );
    this.addSql(
      `create index "reading_station_id_metric_measured_at_index" on "environment"."reading" ("station_id", "metric", "measured_at");`,
    );
    this.addSql(`alter table "environment"."reading" add constraint "reading_source_source_id_unique" unique ("source", "source_id");`);

    this.addSql(
      `create table "environment"."station" ("id" uuid not null, "code" text not null, "name_vi" text not null, "name_en" text not null, "kind" text check ("kind" in ('AIR', 'WATER', 'NOISE', 'RAIN_GAUGE', 'WATER_LEVEL')) not null, "latitude" double precision not null, "longitude" double precision not null, "unit_id" uuid not null, "unit_lineage" text[] not null, "alarm_level1" double precision null, "alarm_level2" double precision null, "alarm_level3" double precision null, "active" boolean not null default true, "created_at" timestamptz not null, constraint "station_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "environment"."station" add constraint "station_code_unique" unique ("code");`);
    this.addSql(`create index "station_unit_lineage_index" on "environment"."station" using gin ("unit_lineage");`);

    this.addSql(
      `create table "environment"."station_aqi" ("station_id" uuid not null, "hour" timestamptz not null, "aqi" int not null, "dominant" text not null, "computed_at" timestamptz not null, constraint "station_aqi_pkey" primary key ("station_id", "hour"));`,
    );
    this.addSql(`create index "station_aqi_hour_index" on "environment"."station_aqi" ("hour");`);
  }
}
