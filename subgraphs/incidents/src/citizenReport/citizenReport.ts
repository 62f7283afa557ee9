import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Category } from '../category/category';
import { Publication } from '../publication/publication';

export enum CitizenReportStatus {
  RECEIVED = 'RECEIVED',
  DISMISSED = 'DISMISSED',
  IN_PROGRESS = 'IN_PROGRESS',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
}
registerEnumType(CitizenReportStatus, {
  name: 'CitizenReportStatus',
  description: 'Đã tiếp nhận, không xử lý (with the reason), đang xử lý, đã có kết quả công khai, đã đóng',
});

/** What the public sees of a citizen report, looked up by its tracking code: never the reporter. */
@ObjectType({ description: 'The public status of a citizen report' })
export class CitizenReport {
  @Field()
  trackingCode!: string;

  @Field(() => Category)
  category!: Category;

  @Field()
  receivedAt!: Date;

  @Field(() => CitizenReportStatus)
  status!: CitizenReportStatus;

  @Field(() => String, { nullable: true, description: 'Why it was not handled, when dismissed' })
  statusReason!: string | null;

  @Field(() => Publication, { nullable: true, description: 'The published result, once there is one' })
  publicIncident!: Publication | null;
}
