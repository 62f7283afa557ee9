import { Field, InputType, Int } from 'type-graphql';
import { Disease } from '../vocabulary';

/** One count of cases, as the disease surveillance system reports it: aggregated, never a patient. */
@InputType({
  description:
    'Cases and deaths of a notifiable disease in a commune, as the surveillance system reports them (aggregated, no patient data)',
})
export class CaseReportInput {
  @Field(() => Disease, { description: 'The disease' })
  disease!: Disease;

  @Field({ description: 'The commune or ward’s code, e.g. BP-689-TANPHU' })
  unitCode!: string;

  @Field(() => Int, { description: 'New cases reported (0 to 10,000)' })
  cases!: number;

  @Field(() => Int, { description: 'Deaths among them (0 to cases)' })
  deaths!: number;

  @Field({
    description: 'When they were reported (UTC instant, not in the future): its ISO week in Asia/Ho_Chi_Minh is the week they count in',
  })
  reportedAt!: Date;

  @Field({ description: 'Its id in the sending system: the same (source, sourceId) is stored once' })
  sourceId!: string;
}

/** A batch of case counts from one sending system, validated as a whole. */
@InputType({ description: 'A batch of case counts from one sending system, validated as a whole: one bad count refuses the batch' })
export class IngestCaseReportsInput {
  @Field({ description: 'The sending system, e.g. "giam-sat-benh-truyen-nhiem"' })
  source!: string;

  @Field(() => [CaseReportInput], { description: 'Up to 10,000 counts' })
  reports!: CaseReportInput[];
}
