import { Field, ObjectType } from 'type-graphql';
import type { Alert } from '../alert/alert';

/** Who reported an alert and how to reach them. Confidential: resolvers return it to operators only. */
@ObjectType({ description: 'The reporter of a citizen report or hotline call: confidential, operators only' })
export class ReporterContact {
  @Field(() => String, { nullable: true, description: 'Reporter’s name; null when not given' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'Reporter’s phone; null when not given' })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'Reporter’s email; null when not given' })
  email!: string | null;
}

export function reporterOf(alert: Alert): ReporterContact | null {
  if (!alert.reporterName && !alert.reporterPhone && !alert.reporterEmail) return null;
  return { name: alert.reporterName, phone: alert.reporterPhone, email: alert.reporterEmail };
}
