import { ConnectionType, GeoPoint } from '@ioc-graph/platform';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Category } from '../category/category';
import { Agency } from '../foreign/entities';
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
  description: 'What a citizen sees of their report (trạng thái phản ánh)',
  valuesConfig: {
    RECEIVED: { description: 'Received, not yet verified (đã tiếp nhận)' },
    DISMISSED: { description: 'Not handled, with the reason (không xử lý)' },
    IN_PROGRESS: { description: 'Verified into an incident that is being handled (đang xử lý)' },
    RESOLVED: { description: 'Handled, with a published result (đã có kết quả công khai)' },
    CLOSED: { description: 'Closed without a published result (đã đóng)' },
  },
});

/** What the public sees of a citizen report, looked up by its tracking code: never the reporter. */
@ObjectType({
  description: 'The public status of a citizen report (phản ánh hiện trường), looked up by its tracking code; never shows the reporter',
})
export class CitizenReport {
  @Field({ description: 'Tracking code given to the citizen (mã theo dõi): PA- and 8 letters or digits, e.g. PA-7K3M9QXR' })
  trackingCode!: string;

  @Field(() => Category, { description: 'Category the citizen chose' })
  category!: Category;

  @Field({ description: 'When the center received it (UTC)' })
  receivedAt!: Date;

  @Field(() => CitizenReportStatus, { description: 'Where the report stands' })
  status!: CitizenReportStatus;

  @Field(() => String, { nullable: true, description: 'Why it was not handled, when dismissed' })
  statusReason!: string | null;

  @Field(() => Publication, { nullable: true, description: 'The published result, once there is one' })
  publicIncident!: Publication | null;

  @Field({
    description:
      'What it is about, as the public may read it: the published summary once published, else the citizen’s own text with phone numbers, emails and ID numbers masked',
  })
  description!: string;

  @Field(() => String, { nullable: true, description: 'Where, as described, personal data masked; null when not given' })
  place!: string | null;

  @Field(() => GeoPoint, { nullable: true, description: 'Where, as a point, when the citizen gave one' })
  location!: GeoPoint | null;

  @Field(() => [String], { description: 'Links to the photos the citizen sent; empty when none' })
  photoUrls!: string[];

  @Field({ description: 'When it last changed: received, verified, assigned, resolved, closed or published (UTC)' })
  updatedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the result is due, once assigned to an agency; null before' })
  dueAt!: Date | null;

  @Field(() => Agency, { nullable: true, description: 'The agency handling it (or that handled it); null until assigned' })
  agency!: Agency | null;
}

@ObjectType({ description: 'A page of citizen reports' })
export class CitizenReportConnection extends ConnectionType(CitizenReport) {}
