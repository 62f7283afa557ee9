import { Migration } from '@mikro-orm/migrations';

/** The directory's first tables: the administrative tree, agencies, field units, people, the audit trail. */

export class Migration20261124213434Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "directory";`);
    this.addSql(
      `create table "directory"."administrative_unit" ("id" uuid not null, "code" text not null, "level" text check ("level" in ('PROVINCE', 'DISTRICT', 'COMMUNE')) not null, "kind" text check ("kind" in ('PROVINCE', 'MUNICIPALITY', 'PROVINCIAL_CITY', 'TOWN', 'RURAL_DISTRICT', 'URBAN_DISTRICT', 'WARD', 'COMMUNE', 'TOWNSHIP', 'SPECIAL_ZONE')) not null, "name_vi" text not null, "name_en" text not null, "parent_id" uuid null, "path" text not null, "depth" int not null, "latitude" double precision null, "longitude" double precision null, "search_text" text not null, "version" int not null default 1, constraint "administrative_unit_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "directory"."administrative_unit" add constraint "administrative_unit_code_unique" unique ("code");`);
    this.addSql(`create index "administrative_unit_parent_id_index" on "directory"."administrative_unit" ("parent_id");`);
    this.addSql(`create index "administrative_unit_path_index" on "directory"."administrative_unit" ("path" text_pattern_ops);`);

    this.addSql(
      `create table "directory"."agency" ("id" uuid not null, "code" text not null, "kind" text check ("kind" in ('PROVINCIAL_PEOPLES_COMMITTEE', 'OPERATIONS_CENTER', 'PROVINCIAL_DEPARTMENT', 'POLICE', 'FIRE_AND_RESCUE', 'HEALTH', 'MILITARY', 'PEOPLES_COMMITTEE', 'PUBLIC_SERVICE')) not null, "name_vi" text not null, "name_en" text not null, "jurisdiction_id" uuid not null, "phone" text null, "email" text null, "address" text null, "search_text" text not null, "version" int not null default 1, constraint "agency_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "directory"."agency" add constraint "agency_code_unique" unique ("code");`);
    this.addSql(`create index "agency_jurisdiction_id_index" on "directory"."agency" ("jurisdiction_id");`);

    this.addSql(
      `create table "directory"."audit_entry" ("id" uuid not null, "at" timestamptz not null, "actor" text not null, "actor_roles" text[] not null, "entity_type" text not null, "entity_id" uuid not null, "action" text not null, "changes" jsonb not null, "request_id" text null, constraint "audit_entry_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "audit_entry_entity_type_entity_id_at_index" on "directory"."audit_entry" ("entity_type", "entity_id", "at");`,
    );

    this.addSql(
      `create table "directory"."field_unit" ("id" uuid not null, "code" text not null, "call_sign" text not null, "kind" text check ("kind" in ('FIRE_TRUCK', 'AMBULANCE', 'POLICE_PATROL', 'TRAFFIC_POLICE', 'RESCUE_TEAM', 'URBAN_ORDER_TEAM', 'ENVIRONMENT_TEAM', 'UTILITY_CREW')) not null, "name_vi" text not null, "name_en" text not null, "agency_id" uuid not null, "capacity" int not null, "home_unit_id" uuid not null, "home_address" text not null, "home_latitude" double precision not null, "home_longitude" double precision not null, "search_text" text not null, "version" int not null default 1, constraint "field_unit_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "directory"."field_unit" add constraint "field_unit_code_unique" unique ("code");`);
    this.addSql(`create index "field_unit_agency_id_index" on "directory"."field_unit" ("agency_id");`);
    this.addSql(`create index "field_unit_home_unit_id_index" on "directory"."field_unit" ("home_unit_id");`);

    this.addSql(
      `create table "directory"."person" ("id" uuid not null, "subject" text null, "full_name" text not null, "title" text null, "roles" text[] not null, "agency_id" uuid null, "field_unit_id" uuid null, "scope_unit_id" uuid null, "phone" text null, "email" text null, "search_text" text not null, "version" int not null default 1, constraint "person_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "directory"."person" add constraint "person_subject_unique" unique ("subject");`);
    this.addSql(`create index "person_agency_id_index" on "directory"."person" ("agency_id");`);
    this.addSql(`create index "person_field_unit_id_index" on "directory"."person" ("field_unit_id");`);

    this.addSql(
      `alter table "directory"."administrative_unit" add constraint "administrative_unit_parent_id_foreign" foreign key ("parent_id") references "directory"."administrative_unit" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "directory"."agency" add constraint "agency_jurisdiction_id_foreign" foreign key ("jurisdiction_id") references "directory"."administrative_unit" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "directory"."field_unit" add constraint "field_unit_agency_id_foreign" foreign key ("agency_id") references "directory"."agency" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "directory"."field_unit" add constraint "field_unit_home_unit_id_foreign" foreign key ("home_unit_id") references "directory"."administrative_unit" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "directory"."person" add constraint "person_agency_id_foreign" foreign key ("agency_id") references "directory"."agency" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "directory"."person" add constraint "person_field_unit_id_foreign" foreign key ("field_unit_id") references "directory"."field_unit" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "directory"."person" add constraint "person_scope_unit_id_foreign" foreign key ("scope_unit_id") references "directory"."administrative_unit" ("id") on update cascade on delete set null;`,
    );
  }
}
