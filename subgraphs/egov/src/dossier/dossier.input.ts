import { ConnectionType } from '@ioc-graph/platform';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { DossierChannel, DossierStatus } from '../vocabulary';
import { Dossier } from './dossier';

/** One dossier as the one-stop-shop system sends it: no applicant's data. */
@InputType({ description: 'One dossier as the one-stop-shop system sends it (no applicant’s data)' })
export class DossierInput {
  @Field({ description: 'Its id in the sending system (mã hồ sơ): the same (source, sourceId) is one dossier' })
  sourceId!: string;

  @Field({ description: 'The procedure’s code, e.g. 2.001417' })
  procedureCode!: string;

  @Field({ description: 'The handling agency’s code, e.g. STP-BP' })
  agencyCode!: string;

  @Field(() => DossierChannel, { description: 'Filed online or at the desk' })
  channel!: DossierChannel;

  @Field(() => DossierStatus, { description: 'Where it stands' })
  status!: DossierStatus;

  @Field({ description: 'When it was received (not in the future)' })
  receivedAt!: Date;

  @Field({ description: 'When its result is due (not before receivedAt)' })
  dueAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was finished or returned; required unless RECEIVED' })
  finishedAt?: Date | null;

  @Field({ description: 'When it last changed in the sending system: its version (a newer one replaces the stored dossier)' })
  updatedAt!: Date;
}

/** A batch of dossiers from one sending system, validated as a whole. */
@InputType({ description: 'A batch of dossiers from one sending system, validated as a whole: one bad dossier refuses the batch' })
export class IngestDossiersInput {
  @Field({ description: 'The sending system, e.g. "motcua-bp"' })
  source!: string;

  @Field(() => [DossierInput], { description: 'Up to 10,000 dossiers' })
  dossiers!: DossierInput[];
}

/** What an ingest did. */
@ObjectType({ description: 'What a dossier ingest did: new, updated (a newer state) and already known dossiers' })
export class DossierIngestResult {
  @Field(() => Int, { description: 'Dossiers in the batch' })
  received!: number;

  @Field(() => Int, { description: 'New dossiers stored' })
  stored!: number;

  @Field(() => Int, { description: 'Known dossiers replaced by a newer state' })
  updated!: number;

  @Field(() => Int, { description: 'Dossiers already known in this state or a newer one: nothing written' })
  duplicates!: number;
}

@ObjectType({ description: 'A page of dossiers' })
export class DossierConnection extends ConnectionType(Dossier) {}
