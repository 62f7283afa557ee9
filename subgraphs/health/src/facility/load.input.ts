import { Field, InputType, Int, ObjectType } from 'type-graphql';

/** The most records one GraphQL call may carry. */
export const MAX_BATCH = 10_000;
/** The most records one bulk request may carry. */
export const MAX_BULK_BATCH = 100_000;

/** One load report of a facility, as its hospital information system sends it. */
@InputType({ description: 'A facility’s load at a moment, as its hospital information system reports it' })
export class FacilityLoadInput {
  @Field({ description: 'The facility’s code, e.g. BP-BV-DKT' })
  facilityCode!: string;

  @Field(() => Int, { description: 'Inpatient beds occupied (0 to three times the beds in operation)' })
  bedsOccupied!: number;

  @Field(() => Int, { description: 'Emergency patients waiting to be seen (0 to 1,000)' })
  emergencyWaiting!: number;

  @Field(() => Int, { description: 'Ambulances available now (0 to the ambulances the facility runs)' })
  ambulancesAvailable!: number;

  @Field({ description: 'When the load was read (UTC instant, not in the future)' })
  reportedAt!: Date;

  @Field({ description: 'Its id in the sending system: the same (source, sourceId) is stored once' })
  sourceId!: string;
}

/** A batch of load reports from one sending system, validated as a whole. */
@InputType({ description: 'A batch of load reports from one sending system, validated as a whole: one bad report refuses the batch' })
export class IngestFacilityLoadsInput {
  @Field({ description: 'The sending system, e.g. "his-bvdk-binhphuoc"' })
  source!: string;

  @Field(() => [FacilityLoadInput], { description: `Up to ${MAX_BATCH} reports` })
  loads!: FacilityLoadInput[];
}

/** What an ingest did: how many were new and how many were already known. */
@ObjectType({ description: 'What an ingest did: how many records were new and how many were already known' })
export class HealthIngestResult {
  @Field(() => Int, { description: 'Records in the batch' })
  received!: number;

  @Field(() => Int, { description: 'New records written' })
  stored!: number;

  @Field(() => Int, { description: 'Records already known by (source, sourceId), not written again' })
  duplicates!: number;
}
