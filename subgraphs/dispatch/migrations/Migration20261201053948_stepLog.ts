import { Migration } from '@mikro-orm/migrations';

/**
 * The assignment log becomes a platform step log: it records the actor's roles and the request id, as
 * the other logs do. Rows written before have no roles (an empty list) and no request id.
 */
export class Migration20261201053948StepLog extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "dispatch"."assignment_log" add column "actor_roles" text[] not null default '{}', add column "request_id" text null;`,
    );
    // The default only fills the existing rows: like every column of the entity, new rows get their value from the code.
    this.addSql(`alter table "dispatch"."assignment_log" alter column "actor_roles" drop default;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "dispatch"."assignment_log" drop column "actor_roles", drop column "request_id";`);
  }
}
