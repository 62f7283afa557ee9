import { Migration } from '@mikro-orm/migrations';

/** A key may stand for a partner behind an identity provider: the subject of its tokens, one key each. */
export class Migration20261202180000TokenSubject extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "partners"."api_key" add column "token_subject" text null;`);
    this.addSql(`alter table "partners"."api_key" add constraint "api_key_token_subject_unique" unique ("token_subject");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "partners"."api_key" drop constraint "api_key_token_subject_unique";`);
    this.addSql(`alter table "partners"."api_key" drop column "token_subject";`);
  }
}
