import { ConnectionType } from '@ioc-graph/platform';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { ReportChannel, ReportStatus, SecurityCategory } from '../vocabulary';
import { SecurityReport } from './report';

/** One report as the police system sends it: no field for a person, by design. */
@InputType({ description: 'One report as the police system sends it; it has no field for a name, an ID number or a phone, by design' })
export class SecurityReportInput {
  @Field({ description: 'The commune or ward’s directory code, e.g. BP-689-TANPHU' })
  communeCode!: string;

  @Field(() => SecurityCategory, { description: 'What it is about' })
  category!: SecurityCategory;

  @Field(() => ReportChannel, { description: 'The 113 line or a patrol' })
  channel!: ReportChannel;

  @Field({ description: 'Where, as a place (1 to 200 characters; no phone or ID numbers)' })
  place!: string;

  @Field({ description: 'The police unit handling it (1 to 100 characters)' })
  policeUnit!: string;

  @Field(() => ReportStatus, { description: 'Where the case stands in the police system' })
  status!: ReportStatus;

  @Field({ description: 'When it was reported or found (not in the future)' })
  reportedAt!: Date;

  @Field({ description: 'The police system’s case reference: letters, digits, dots, dashes and slashes, up to 50' })
  caseRef!: string;

  @Field({ description: 'Its id in the sending system: the same (source, sourceId) is stored once' })
  sourceId!: string;
}

@InputType({ description: 'A batch of reports from one sending system, validated as a whole: one bad report refuses the batch' })
export class IngestSecurityReportsInput {
  @Field({ description: 'The sending system, e.g. "ca-binhphuoc-113"' })
  source!: string;

  @Field(() => [SecurityReportInput], { description: 'Up to 10,000 reports' })
  reports!: SecurityReportInput[];
}

@ObjectType({ description: 'What an ingest did: how many records were new and how many were already known' })
export class SecurityIngestResult {
  @Field(() => Int, { description: 'Records in the batch' })
  received!: number;

  @Field(() => Int, { description: 'New records written' })
  stored!: number;

  @Field(() => Int, { description: 'Records already known by (source, sourceId), not written again' })
  duplicates!: number;
}

@ObjectType({ description: 'A page of security reports' })
export class SecurityReportConnection extends ConnectionType(SecurityReport) {}
