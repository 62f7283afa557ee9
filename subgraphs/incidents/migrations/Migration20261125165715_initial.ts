import { Migration } from '@mikro-orm/migrations';

/** The incidents subgraph's first tables: categories, calendar, alerts, incidents, timeline, follow-up, publications. */
export class Migration20261125165715Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "incidents";`);
    // Incident numbers (VV-<year>-<n>): a sequence never hands out the same number twice.
    this.addSql(`create sequence "incidents"."incident_code_seq";`);
    this.addSql(
      `create table "incidents"."audit_entry" ("id" uuid not null, "at" timestamptz not null, "actor" text not null, "actor_roles" text[] not null, "entity_type" text not null, "entity_id" uuid not null, "action" text not null, "changes" jsonb not null, "request_id" text null, constraint "audit_entry_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "audit_entry_entity_type_entity_id_at_index" on "incidents"."audit_entry" ("entity_type", "entity_id", "at");`,
    );

    this.addSql(
      `create table "incidents"."calendar_day" ("date" date not null, "kind" text check ("kind" in ('DAY_OFF', 'WORKDAY')) not null, "name_vi" text not null, "name_en" text not null, constraint "calendar_day_pkey" primary key ("date"));`,
    );

    this.addSql(
      `create table "incidents"."category" ("id" uuid not null, "code" text not null, "sector" text check ("sector" in ('SECURITY', 'URBAN_ORDER', 'EMERGENCY', 'E_GOVERNMENT', 'TRAFFIC', 'ENVIRONMENT', 'HEALTH')) not null, "name_vi" text not null, "name_en" text not null, "default_process" text check ("default_process" in ('TIMED', 'IMMEDIATE', 'COMMAND')) not null, "default_severity" text check ("default_severity" in ('EXTREME', 'SEVERE', 'MODERATE', 'MINOR', 'UNKNOWN')) not null, "sla_minutes" int not null, "sla_in_working_time" boolean not null, "citizen_reportable" boolean not null, "competent_agency_kind" text not null, constraint "category_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "incidents"."category" add constraint "category_code_unique" unique ("code");`);

    this.addSql(
      `create table "incidents"."follow_up_timer" ("id" uuid not null, "incident_id" uuid not null, "kind" text check ("kind" in ('REMINDER', 'OVERDUE', 'ESCALATION')) not null, "due_at" timestamptz not null, "fired_at" timestamptz null, "cancelled_at" timestamptz null, constraint "follow_up_timer_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "follow_up_timer_incident_id_index" on "incidents"."follow_up_timer" ("incident_id");`);
    this.addSql(
      `create index "follow_up_timer_due_index" on "incidents"."follow_up_timer" ("due_at") where "fired_at" is null and "cancelled_at" is null;`,
    );

    this.addSql(
      `create table "incidents"."incident" ("id" uuid not null, "code" text not null, "title" text not null, "description" text not null, "sector" text check ("sector" in ('SECURITY', 'URBAN_ORDER', 'EMERGENCY', 'E_GOVERNMENT', 'TRAFFIC', 'ENVIRONMENT', 'HEALTH')) not null, "category_id" uuid not null, "severity" text check ("severity" in ('EXTREME', 'SEVERE', 'MODERATE', 'MINOR', 'UNKNOWN')) not null, "process" text check ("process" in ('TIMED', 'IMMEDIATE', 'COMMAND')) not null, "status" text check ("status" in ('ACTUAL', 'EXERCISE')) not null default 'ACTUAL', "state" text check ("state" in ('VERIFIED', 'ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'REASSIGNMENT_REQUESTED', 'RESULT_SUBMITTED', 'RETURNED', 'APPROVED', 'PUBLISHED', 'CLOSED')) not null default 'VERIFIED', "latitude" double precision null, "longitude" double precision null, "place" text null, "unit_id" uuid null, "unit_lineage" text[] not null, "agency_id" uuid null, "occurred_at" timestamptz not null, "opened_at" timestamptz not null, "opened_by" text not null, "assigned_at" timestamptz null, "deadline" timestamptz null, "reminded_at" timestamptz null, "overdue_at" timestamptz null, "escalated_at" timestamptz null, "result" text null, "result_evidence" text[] not null, "result_submitted_at" timestamptz null, "approved_at" timestamptz null, "closed_at" timestamptz null, "tracking_code" text null, "version" int not null default 1, constraint "incident_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "incidents"."incident" add constraint "incident_code_unique" unique ("code");`);
    this.addSql(`create index "incident_tracking_code_index" on "incidents"."incident" ("tracking_code");`);
    this.addSql(`create index "incident_unit_lineage_index" on "incidents"."incident" using gin ("unit_lineage");`);
    this.addSql(`create index "incident_agency_id_state_index" on "incidents"."incident" ("agency_id", "state");`);
    this.addSql(`create index "incident_state_opened_at_index" on "incidents"."incident" ("state", "opened_at");`);

    this.addSql(
      `create table "incidents"."alert" ("id" uuid not null, "source_system" text not null, "source_ref" text not null, "sector" text check ("sector" in ('SECURITY', 'URBAN_ORDER', 'EMERGENCY', 'E_GOVERNMENT', 'TRAFFIC', 'ENVIRONMENT', 'HEALTH')) not null, "category_id" uuid not null, "severity" text check ("severity" in ('EXTREME', 'SEVERE', 'MODERATE', 'MINOR', 'UNKNOWN')) not null, "urgency" text check ("urgency" in ('IMMEDIATE', 'EXPECTED', 'FUTURE', 'PAST', 'UNKNOWN')) not null default 'UNKNOWN', "certainty" text check ("certainty" in ('OBSERVED', 'LIKELY', 'POSSIBLE', 'UNLIKELY', 'UNKNOWN')) not null default 'UNKNOWN', "headline" text not null, "description" text not null, "latitude" double precision null, "longitude" double precision null, "place" text null, "unit_id" uuid null, "unit_lineage" text[] not null, "occurred_at" timestamptz not null, "received_at" timestamptz not null, "evidence" text[] not null, "status" text check ("status" in ('ACTUAL', 'EXERCISE')) not null default 'ACTUAL', "state" text check ("state" in ('NEW', 'VERIFIED', 'DISMISSED', 'MERGED')) not null default 'NEW', "dismiss_reason" text null, "incident_id" uuid null, "reported_by" text null, "tracking_code" text null, "reporter_name" text null, "reporter_phone" text null, "reporter_email" text null, "client_key" text null, "version" int not null default 1, constraint "alert_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "alert_incident_id_index" on "incidents"."alert" ("incident_id");`);
    this.addSql(`alter table "incidents"."alert" add constraint "alert_tracking_code_unique" unique ("tracking_code");`);
    this.addSql(`create index "alert_client_key_index" on "incidents"."alert" ("client_key");`);
    this.addSql(`create index "alert_unit_lineage_index" on "incidents"."alert" using gin ("unit_lineage");`);
    this.addSql(`create index "alert_state_received_at_index" on "incidents"."alert" ("state", "received_at");`);
    this.addSql(
      `alter table "incidents"."alert" add constraint "alert_source_system_source_ref_unique" unique ("source_system", "source_ref");`,
    );

    this.addSql(
      `create table "incidents"."publication" ("id" uuid not null, "incident_id" uuid not null, "code" text not null, "title" text not null, "summary" text not null, "result" text not null, "sector" text check ("sector" in ('SECURITY', 'URBAN_ORDER', 'EMERGENCY', 'E_GOVERNMENT', 'TRAFFIC', 'ENVIRONMENT', 'HEALTH')) not null, "category_id" uuid not null, "place" text null, "unit_id" uuid null, "unit_lineage" text[] not null, "agency_id" uuid null, "occurred_at" timestamptz not null, "received_at" timestamptz not null, "resolved_at" timestamptz not null, "published_at" timestamptz not null, "tracking_code" text null, "rating_count" int not null default 0, "rating_total" int not null default 0, "search_text" text not null, constraint "publication_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "incidents"."publication" add constraint "publication_incident_id_unique" unique ("incident_id");`);
    this.addSql(`create index "publication_tracking_code_index" on "incidents"."publication" ("tracking_code");`);
    this.addSql(`create index "publication_unit_lineage_index" on "incidents"."publication" using gin ("unit_lineage");`);
    this.addSql(`create index "publication_published_at_index" on "incidents"."publication" ("published_at");`);

    this.addSql(
      `create table "incidents"."rating" ("id" uuid not null, "publication_id" uuid not null, "client_key" text not null, "score" smallint not null, "comment" text null, "at" timestamptz not null, constraint "rating_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "incidents"."rating" add constraint "rating_publication_id_client_key_unique" unique ("publication_id", "client_key");`,
    );

    this.addSql(
      `create table "incidents"."timeline_entry" ("id" uuid not null, "subject_type" text not null, "subject_id" uuid not null, "at" timestamptz not null, "actor" text not null, "actor_roles" text[] not null, "action" text not null, "from_state" text null, "to_state" text null, "note" text null, "request_id" text null, constraint "timeline_entry_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "timeline_entry_subject_type_subject_id_at_index" on "incidents"."timeline_entry" ("subject_type", "subject_id", "at");`,
    );

    this.addSql(
      `alter table "incidents"."incident" add constraint "incident_category_id_foreign" foreign key ("category_id") references "incidents"."category" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "incidents"."alert" add constraint "alert_category_id_foreign" foreign key ("category_id") references "incidents"."category" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "incidents"."alert" add constraint "alert_incident_id_foreign" foreign key ("incident_id") references "incidents"."incident" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "incidents"."publication" add constraint "publication_category_id_foreign" foreign key ("category_id") references "incidents"."category" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "incidents"."rating" add constraint "rating_publication_id_foreign" foreign key ("publication_id") references "incidents"."publication" ("id") on update cascade;`,
    );
  }
}
