import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A count of cases of a notifiable disease in a commune, as the surveillance system reported it
 * (aggregated: never a patient's identity). Its key is `(source, sourceId)`; a commune's week is the
 * sum of its reports whose `reportedAt` falls in that ISO week in Asia/Ho_Chi_Minh. Staff data: the
 * public sees district and province totals.
 */
@Entity({ tableName: 'case_report' })
export class CaseReport {
  @PrimaryKey({ type: 'text' })
  source!: string;

  @PrimaryKey({ type: 'text' })
  sourceId!: string;

  @Property({ type: 'text' })
  disease!: string;

  @Property({ type: 'uuid' })
  unitId!: string;

  @Property({ type: 'timestamptz' })
  reportedAt!: Date;

  @Property({ type: 'integer' })
  cases!: number;

  @Property({ type: 'integer' })
  deaths!: number;

  @Property({ type: 'timestamptz' })
  receivedAt!: Date;
}

/** Cases (measure CASES) or deaths (DEATHS) of a disease in a commune per UTC hour, maintained on ingest. */
@Entity({ tableName: 'hourly_cases' })
@Index({ properties: ['disease', 'hour'] })
export class HourlyCases {
  @PrimaryKey({ type: 'uuid' })
  unitId!: string;

  @PrimaryKey({ type: 'text' })
  disease!: string;

  @PrimaryKey({ type: 'text' })
  measure!: string;

  @PrimaryKey({ type: 'timestamptz' })
  hour!: Date;

  @Property({ type: 'double' })
  sum!: number;

  @Property({ type: 'integer' })
  count!: number;
}
