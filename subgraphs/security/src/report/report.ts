import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ReportChannel, ReportStatus, SecurityCategory } from '../vocabulary';

/**
 * One report of the 113 line or of a patrol, as the police system sent it. `(source, sourceId)` is unique:
 * a batch delivered twice is stored once. Personal data never reaches this table: there is no column for
 * a name, an ID number or a phone, the ingest refuses fields that carry them, and a case is known here
 * only by the police system's case reference (docs: README, "Security sector").
 */
@Entity({ tableName: 'report' })
@Unique({ properties: ['source', 'sourceId'] })
@Index({ properties: ['communeId', 'reportedAt'] })
@Index({ properties: ['reportedAt'] })
@ObjectType({ description: 'A report of the 113 line or of a patrol (tin báo an ninh trật tự): staff only; no personal data' })
export class SecurityReport {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  @Field(() => ID, { description: 'Unique id of the report here' })
  id!: string;

  @Property({ type: 'text' })
  @Field({ description: 'The sending system' })
  source!: string;

  @Property({ type: 'text' })
  @Field({ description: 'The report’s id in the sending system' })
  sourceId!: string;

  @Property({ type: 'text' })
  @Field({ description: 'The police system’s case reference (số hồ sơ vụ việc): the only link to the case and its people' })
  caseRef!: string;

  @Enum({ items: () => SecurityCategory })
  @Field(() => SecurityCategory, { description: 'What it is about' })
  category!: SecurityCategory;

  @Enum({ items: () => ReportChannel })
  @Field(() => ReportChannel, { description: 'The 113 line or a patrol' })
  channel!: ReportChannel;

  /** The commune or ward (the directory unit's id). */
  @Property({ type: 'uuid' })
  communeId!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Where, as a place (a market, a street, a hamlet), never a home address' })
  place!: string;

  @Property({ type: 'text' })
  @Field({ description: 'The police unit handling it, e.g. "Công an phường Tân Phú"' })
  policeUnit!: string;

  @Enum({ items: () => ReportStatus })
  @Field(() => ReportStatus, { description: 'Where the case stood when it was sent' })
  status!: ReportStatus;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When it was reported or found (UTC)' })
  reportedAt!: Date;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When the hub received it' })
  receivedAt!: Date;
}

/** Reports per commune, category and hour (hour start in UTC), maintained on ingest. */
@Entity({ tableName: 'hourly_report' })
@Index({ properties: ['hour'] })
export class HourlyReport {
  @PrimaryKey({ type: 'uuid' })
  communeId!: string;

  @PrimaryKey({ type: 'text' })
  category!: SecurityCategory;

  @PrimaryKey({ type: 'timestamptz' })
  hour!: Date;

  @Property({ type: 'integer' })
  count!: number;
}

/** Reports of one category in one bucket (staff series). */
@ObjectType({ description: 'How many reports of one category fell in one time bucket (số tin báo)' })
export class SecurityReportStat {
  @Field({ description: 'The bucket’s start (midnight, Monday or the 1st in Asia/Ho_Chi_Minh for DAY, WEEK, MONTH)' })
  bucketStart!: Date;

  @Field(() => SecurityCategory, { description: 'The category' })
  category!: SecurityCategory;

  @Field(() => Int, { description: 'Number of reports' })
  count!: number;
}

/** Reports of one category in one district-level unit and local month: the open figure. */
@ObjectType({ description: 'Reports of one category in one district-level unit and one month (Asia/Ho_Chi_Minh): open data' })
export class SecurityMonthlyCount {
  @Field({ description: 'The month, YYYY-MM in Asia/Ho_Chi_Minh' })
  month!: string;

  @Field({ description: 'Start of the month: the 1st at 00:00 in Asia/Ho_Chi_Minh, as a UTC instant' })
  monthStart!: Date;

  @Field(() => ID, { description: 'The district-level unit (the unit just under the province)' })
  districtUnitId!: string;

  @Field(() => SecurityCategory, { description: 'The category' })
  category!: SecurityCategory;

  @Field(() => Int, { description: 'Number of reports' })
  count!: number;
}

/** Reports of one category in one commune and local month: partner-level open data (docs/open-data.md). */
@ObjectType({
  description:
    'Reports of one category in one commune or ward and one month (Asia/Ho_Chi_Minh). Public: no (SecurityMonthlyCount per district-level unit); partners and staff: yes',
})
export class SecurityCommuneMonthlyCount {
  @Field({ description: 'The month, YYYY-MM in Asia/Ho_Chi_Minh' })
  month!: string;

  @Field({ description: 'Start of the month: the 1st at 00:00 in Asia/Ho_Chi_Minh, as a UTC instant' })
  monthStart!: Date;

  @Field(() => ID, { description: 'The commune or ward (directory unit id)' })
  communeId!: string;

  @Field({ description: 'The commune’s code' })
  communeCode!: string;

  @Field(() => ID, { description: 'Its district-level unit (the unit just under the province)' })
  districtUnitId!: string;

  @Field(() => SecurityCategory, { description: 'The category' })
  category!: SecurityCategory;

  @Field(() => Int, { description: 'Number of reports' })
  count!: number;
}

/** Counts of one commune and category over rolling windows ending now. */
@ObjectType({ description: 'Reports of one category in one commune over rolling windows ending now (điểm nóng): staff only' })
export class SecurityHotspot {
  @Field(() => ID, { description: 'The commune or ward (directory unit id)' })
  communeId!: string;

  @Field({ description: 'The commune’s code' })
  communeCode!: string;

  @Field({ description: 'The commune’s name' })
  communeNameVi!: string;

  @Field(() => SecurityCategory, { description: 'The category' })
  category!: SecurityCategory;

  @Field(() => Int, { description: 'Reports in the last 24 hours' })
  last24h!: number;

  @Field(() => Int, { description: 'Reports in the last 7 days' })
  last7d!: number;

  @Field(() => Int, { description: 'Reports in the last 28 days' })
  last28d!: number;
}

/** A category with its names. */
@ObjectType({ description: 'A category of security reports with its names (loại tin báo)' })
export class SecurityCategoryInfo {
  @Field(() => SecurityCategory, { description: 'The category' })
  code!: SecurityCategory;

  @Field({ description: 'Vietnamese name' })
  nameVi!: string;

  @Field({ description: 'English name' })
  nameEn!: string;

  @Field({ description: 'The incidents category its hotspot alerts are filed under' })
  incidentCategoryCode!: string;
}
