import { Migration } from '@mikro-orm/migrations';

/** The command subgraph's first tables: playbooks, operations, tasks, directives, resources, situation reports, the running log, the outbox. */
export class Migration20261125174813Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "command";`);
    // Operation numbers (CH-<year>-<n>): a sequence never hands out the same number twice.
    this.addSql(`create sequence "command"."operation_code_seq";`);
    this.addSql(
      `create table "command"."audit_entry" ("id" uuid not null, "at" timestamptz not null, "actor" text not null, "actor_roles" text[] not null, "entity_type" text not null, "entity_id" uuid not null, "action" text not null, "changes" jsonb not null, "request_id" text null, constraint "audit_entry_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "audit_entry_entity_type_entity_id_at_index" on "command"."audit_entry" ("entity_type", "entity_id", "at");`);

    this.addSql(
      `create table "command"."operation_log_entry" ("id" uuid not null, "operation_id" uuid not null, "at" timestamptz not null, "actor" text not null, "actor_roles" text[] not null, "actor_agency_id" uuid null, "action" text not null, "subject_type" text not null, "subject_id" uuid not null, "from_state" text null, "to_state" text null, "note" text null, "request_id" text null, constraint "operation_log_entry_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "operation_log_entry_operation_id_at_index" on "command"."operation_log_entry" ("operation_id", "at");`);

    this.addSql(
      `create table "command"."outbox_event" ("seq" bigserial primary key, "id" uuid not null, "type" text not null, "entity_type" text not null, "entity_key" text not null, "payload" jsonb not null, "actor" text not null, "occurred_at" timestamptz not null, "audience" jsonb not null, "relayed_at" timestamptz null);`,
    );
    this.addSql(`alter table "command"."outbox_event" add constraint "outbox_event_id_unique" unique ("id");`);
    this.addSql(`create index "outbox_event_relayed_at_seq_index" on "command"."outbox_event" ("relayed_at", "seq");`);

    this.addSql(
      `create table "command"."playbook" ("id" uuid not null, "code" text not null, "emergency_type" text check ("emergency_type" in ('FLOOD', 'STORM', 'LARGE_FIRE', 'MASS_DISORDER', 'EPIDEMIC')) not null, "name_vi" text not null, "name_en" text not null, "description_vi" text not null, "category_codes" text[] not null, "phases" jsonb not null, "task_templates" jsonb not null, "required_resources" jsonb not null, "checklist" jsonb not null, "version" int not null default 1, constraint "playbook_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "command"."playbook" add constraint "playbook_code_unique" unique ("code");`);

    this.addSql(
      `create table "command"."operation" ("id" uuid not null, "code" text not null, "name" text not null, "incident_id" uuid not null, "incident_code" text not null, "unit_id" uuid null, "playbook_id" uuid not null, "exercise" boolean not null default false, "state" text check ("state" in ('ACTIVE', 'STOOD_DOWN')) not null default 'ACTIVE', "phase_code" text not null, "phase_started_at" timestamptz not null, "activated_at" timestamptz not null, "activated_by" text not null, "stood_down_at" timestamptz null, "stood_down_by" text null, "after_action_summary" text null, "version" int not null default 1, constraint "operation_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "command"."operation" add constraint "operation_code_unique" unique ("code");`);
    this.addSql(`create index "operation_incident_id_index" on "command"."operation" ("incident_id");`);
    this.addSql(`create index "operation_state_activated_at_index" on "command"."operation" ("state", "activated_at");`);
    this.addSql(
      `create unique index "operation_active_incident_unique" on "command"."operation" ("incident_id") where "state" = 'ACTIVE';`,
    );

    this.addSql(
      `create table "command"."operation_task" ("id" uuid not null, "operation_id" uuid not null, "position" int not null, "template_code" text not null, "phase" text not null, "title_vi" text not null, "title_en" text not null, "agency_kind" text check ("agency_kind" in ('PROVINCIAL_PEOPLES_COMMITTEE', 'OPERATIONS_CENTER', 'PROVINCIAL_DEPARTMENT', 'POLICE', 'FIRE_AND_RESCUE', 'HEALTH', 'MILITARY', 'PEOPLES_COMMITTEE', 'PUBLIC_SERVICE')) not null, "agency_id" uuid null, "state" text check ("state" in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'DONE', 'CANCELLED')) not null default 'OPEN', "created_at" timestamptz not null, "due_at" timestamptz null, "acknowledged_at" timestamptz null, "started_at" timestamptz null, "done_at" timestamptz null, "cancelled_at" timestamptz null, "note" text null, "version" int not null default 1, constraint "operation_task_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "operation_task_operation_id_index" on "command"."operation_task" ("operation_id");`);
    this.addSql(`create index "operation_task_agency_id_state_index" on "command"."operation_task" ("agency_id", "state");`);

    this.addSql(
      `create table "command"."operation_resource" ("id" uuid not null, "operation_id" uuid not null, "kind" text check ("kind" in ('RESCUE_TEAM', 'MEDICAL_TEAM', 'POLICE_FORCE', 'MILITARY_FORCE', 'BOAT', 'FIRE_TRUCK', 'WATER_TANKER', 'AMBULANCE', 'TRUCK', 'EXCAVATOR', 'PUMP', 'GENERATOR', 'SPRAYER', 'DRONE', 'COMMUNICATIONS', 'SHELTER', 'TENT', 'LIFE_JACKET', 'SANDBAG', 'FOOD_SUPPLY', 'OTHER')) not null, "quantity" int not null, "description" text not null, "agency_id" uuid null, "latitude" double precision null, "longitude" double precision null, "state" text check ("state" in ('ALLOCATED', 'RELEASED')) not null default 'ALLOCATED', "allocated_at" timestamptz not null, "allocated_by" text not null, "released_at" timestamptz null, "released_by" text null, "version" int not null default 1, constraint "operation_resource_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "operation_resource_operation_id_index" on "command"."operation_resource" ("operation_id");`);

    this.addSql(
      `create table "command"."directive" ("id" uuid not null, "operation_id" uuid not null, "text" text not null, "deadline" timestamptz null, "issued_at" timestamptz not null, "issued_by" text not null, constraint "directive_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "directive_operation_id_index" on "command"."directive" ("operation_id");`);

    this.addSql(
      `create table "command"."directive_addressee" ("id" uuid not null, "directive_id" uuid not null, "operation_id" uuid not null, "agency_id" uuid null, "field_unit_id" uuid null, "state" text check ("state" in ('PENDING', 'ACKNOWLEDGED')) not null default 'PENDING', "acknowledged_at" timestamptz null, "acknowledged_by" text null, "note" text null, "version" int not null default 1, constraint "directive_addressee_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "directive_addressee_directive_id_index" on "command"."directive_addressee" ("directive_id");`);
    this.addSql(`create index "directive_addressee_operation_id_index" on "command"."directive_addressee" ("operation_id");`);
    this.addSql(
      `create index "directive_addressee_field_unit_id_state_index" on "command"."directive_addressee" ("field_unit_id", "state");`,
    );
    this.addSql(`create index "directive_addressee_agency_id_state_index" on "command"."directive_addressee" ("agency_id", "state");`);

    this.addSql(
      `create table "command"."situation_report" ("id" uuid not null, "operation_id" uuid not null, "summary" text not null, "deaths" int null, "injured" int null, "missing" int null, "evacuated" int null, "houses_damaged" int null, "filed_at" timestamptz not null, "filed_by" text not null, "agency_id" uuid null, constraint "situation_report_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "situation_report_operation_id_index" on "command"."situation_report" ("operation_id");`);

    this.addSql(
      `alter table "command"."operation" add constraint "operation_playbook_id_foreign" foreign key ("playbook_id") references "command"."playbook" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "command"."operation_task" add constraint "operation_task_operation_id_foreign" foreign key ("operation_id") references "command"."operation" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "command"."operation_resource" add constraint "operation_resource_operation_id_foreign" foreign key ("operation_id") references "command"."operation" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "command"."directive" add constraint "directive_operation_id_foreign" foreign key ("operation_id") references "command"."operation" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "command"."directive_addressee" add constraint "directive_addressee_directive_id_foreign" foreign key ("directive_id") references "command"."directive" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "command"."directive_addressee" add constraint "directive_addressee_operation_id_foreign" foreign key ("operation_id") references "command"."operation" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "command"."situation_report" add constraint "situation_report_operation_id_foreign" foreign key ("operation_id") references "command"."operation" ("id") on update cascade;`,
    );
  }
}
