import { Migration } from '@mikro-orm/migrations';

/**
 * The newest reading of each station and metric gets a table of its own, kept by ingest (one upsert of a
 * few dozen rows per batch), and the raw readings lose their (station, metric, time) index: it served
 * only "the latest reading" and cost every bulk COPY a third of its time. Raw readings keep their key.
 */
export class Migration20261202140000LatestReading extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "environment"."latest_reading" ("station_id" uuid not null, "metric" text not null, "source" text not null, "source_id" text not null, "value" double precision not null, "measured_at" timestamptz not null, constraint "latest_reading_pkey" primary key ("station_id", "metric"));`,
    );
    this.addSql(
      `insert into "environment"."latest_reading" ("station_id", "metric", "source", "source_id", "value", "measured_at")
       select distinct on (station_id, metric) station_id, metric, source, source_id, value, measured_at
       from "environment"."reading" order by station_id, metric, measured_at desc, source, source_id;`,
    );
    this.addSql(`drop index "environment"."reading_station_id_metric_measured_at_index";`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `create index "reading_station_id_metric_measured_at_index" on "environment"."reading" ("station_id", "metric", "measured_at");`,
    );
    this.addSql(`drop table "environment"."latest_reading";`);
  }
}
