import { Migration } from '@mikro-orm/migrations';

/** Rules of the sector (metric or AQI above a threshold for a duration) and their breaches, one open per rule and station. */
export class Migration20261125183510Rules extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "environment"."rule" ("id" uuid not null, "code" text not null, "name_vi" text not null, "metric" text not null, "aggregate" text check ("aggregate" in ('AVERAGE', 'SUM')) not null default 'AVERAGE', "comparison" text check ("comparison" in ('ABOVE')) not null default 'ABOVE', "threshold" double precision null, "threshold_from_station" text check ("threshold_from_station" in ('ALARM_I', 'ALARM_II', 'ALARM_III')) null, "escalation_threshold" double precision null, "escalation_from_station" text check ("escalation_from_station" in ('ALARM_I', 'ALARM_II', 'ALARM_III')) null, "duration_minutes" int not null, "severity" text check ("severity" in ('EXTREME', 'SEVERE', 'MODERATE', 'MINOR', 'UNKNOWN')) not null, "category_code" text not null, "unit_id" uuid null, "active" boolean not null default true, constraint "rule_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "environment"."rule" add constraint "rule_code_unique" unique ("code");`);

    this.addSql(
      `create table "environment"."breach" ("id" uuid not null, "rule_id" uuid not null, "station_id" uuid not null, "started_at" timestamptz not null, "last_seen_at" timestamptz not null, "ended_at" timestamptz null, "peak_value" double precision not null, "severity" text check ("severity" in ('EXTREME', 'SEVERE', 'MODERATE', 'MINOR', 'UNKNOWN')) not null, constraint "breach_pkey" primary key ("id"));`,
    );
    this.addSql(`create unique index "breach_open_unique" on "environment"."breach" ("rule_id", "station_id") where "ended_at" is null;`);
    this.addSql(`create index "breach_started_at_index" on "environment"."breach" ("started_at");`);

    this.addSql(
      `alter table "environment"."breach" add constraint "breach_rule_id_foreign" foreign key ("rule_id") references "environment"."rule" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "environment"."breach" add constraint "breach_station_id_foreign" foreign key ("station_id") references "environment"."station" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "environment"."breach" drop constraint "breach_rule_id_foreign";`);

    this.addSql(`drop table if exists "environment"."rule" cascade;`);

    this.addSql(`drop table if exists "environment"."breach" cascade;`);
  }
}
