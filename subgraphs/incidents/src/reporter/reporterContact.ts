import { Field, ObjectType } from 'type-graphql';
import type { Alert } from '../alert/alert';

/** Who reported an alert and how to reach them. Confidential: resolvers return it to operators only. */
@ObjectType({ description: 'The reporter of a citizen report or hotline call: confidential, operators only' })
export class ReporterContact {
  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;
}

export function reporterOf(alert: Alert): ReporterContact | null {
  if (!alert.reporterName && !alert.reporterPhone && !alert.reporterEmail) return null;
  return { name: alert.reporterName, phone: alert.reporterPhone, email: alert.reporterEmail };
}
