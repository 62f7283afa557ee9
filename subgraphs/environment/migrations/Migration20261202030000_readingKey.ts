import { Migration } from '@mikro-orm/migrations';

/**
 * A reading's key is (source, source_id), the key idempotency already rests on: the surrogate `id` (never
 * read) goes, and with it an index and a sequence every bulk COPY paid for per row. The key's text columns
 * compare bytewise (collation "C"): they are identifiers, never sorted for people.
 */
export class Migration20261202030000ReadingKey extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "environment"."reading" drop constraint "reading_source_source_id_unique";`);
    this.addSql(`alter table "environment"."reading" drop column "id";`);
    this.addSql(
      `alter table "environment"."reading" alter column "source" type text collate "C", alter column "source_id" type text collate "C";`,
    );
    this.addSql(`alter table "environment"."reading" add constraint "reading_pkey" primary key ("source", "source_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "environment"."reading" drop constraint "reading_pkey";`);
    this.addSql(
      `alter table "environment"."reading" alter column "source" type text collate "default", alter column "source_id" type text collate "default";`,
    );
    this.addSql(`alter table "environment"."reading" add column "id" bigserial primary key;`);
    this.addSql(`alter table "environment"."reading" add constraint "reading_source_source_id_unique" unique ("source", "source_id");`);
  }
}
