import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Agency, agencyRef } from '../foreign/entities';
import { OperationLogEntry } from './logEntry';

@Resolver(() => OperationLogEntry)
export class LogEntryResolver {
  @FieldResolver(() => Agency, { nullable: true, description: 'The agency of the person who took the step' })
  actorAgency(@Root() entry: OperationLogEntry) {
    return agencyRef(entry.actorAgencyId);
  }
}
