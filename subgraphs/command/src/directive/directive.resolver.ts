import { Role, STAFF_ROLES } from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { CommandContext } from '../context';
import { Agency, agencyRef, FieldUnit, fieldUnitRef } from '../foreign/entities';
import { Operation } from '../operation/operation';
import { operationById } from '../operation/operation.loader';
import { acknowledgeDirective } from './acknowledgeDirective';
import { DirectiveAddressee, OperationDirective } from './directive';
import { AcknowledgeDirectiveInput, IssueDirectiveInput } from './directive.input';
import { addresseesByDirective } from './directive.loader';
import { AcknowledgementState } from './directive.rules';
import { issueDirective } from './issueDirective';

/** Directives (chỉ đạo): the leader issues them, each addressee acknowledges them. */
@Resolver(() => OperationDirective)
export class DirectiveResolver {
  @Authorized(Role.LEADER)
  @Mutation(() => OperationDirective, { description: 'Issues a directive to agencies and field units (the leader)' })
  issueDirective(
    @Arg('operationId', () => ID, { description: 'Id of the active operation' }) operationId: string,
    @Arg('input', () => IssueDirectiveInput, { description: 'The directive and its addressees' }) input: IssueDirectiveInput,
    @Ctx() ctx: CommandContext,
  ) {
    return issueDirective(ctx, operationId, input);
  }

  @Authorized(...STAFF_ROLES)
  @Mutation(() => OperationDirective, {
    description: 'Confirms that the caller’s agency (or, for a field officer, unit) has received the directive',
  })
  acknowledgeDirective(
    @Arg('directiveId', () => ID, { description: 'Id of the directive' }) directiveId: string,
    @Arg('input', () => AcknowledgeDirectiveInput, { nullable: true, description: 'An optional note' })
    input: AcknowledgeDirectiveInput | null,
    @Ctx() ctx: CommandContext,
  ) {
    return acknowledgeDirective(ctx, directiveId, input?.note?.trim() ?? null);
  }

  @FieldResolver(() => Operation, { description: 'The operation it belongs to' })
  operation(@Root() directive: OperationDirective, @Ctx() ctx: CommandContext) {
    return operationById(ctx).load(directive.operation.id);
  }

  @FieldResolver(() => [DirectiveAddressee], { description: 'The agencies and field units addressed, with their acknowledgements' })
  addressees(@Root() directive: OperationDirective, @Ctx() ctx: CommandContext) {
    return addresseesByDirective(ctx).load(directive.id);
  }

  @FieldResolver(() => Boolean, { description: 'Every addressee has acknowledged it' })
  async acknowledged(@Root() directive: OperationDirective, @Ctx() ctx: CommandContext): Promise<boolean> {
    const addressees = await addresseesByDirective(ctx).load(directive.id);
    return addressees.every((a) => a.state === AcknowledgementState.ACKNOWLEDGED);
  }
}

/** An addressee's agency or field unit, as directory references. */
@Resolver(() => DirectiveAddressee)
export class DirectiveAddresseeResolver {
  @FieldResolver(() => Agency, { nullable: true, description: 'The agency addressed; null when the addressee is a field unit' })
  agency(@Root() addressee: DirectiveAddressee) {
    return agencyRef(addressee.agencyId);
  }

  @FieldResolver(() => FieldUnit, { nullable: true, description: 'The field unit addressed; null when the addressee is an agency' })
  fieldUnit(@Root() addressee: DirectiveAddressee) {
    return fieldUnitRef(addressee.fieldUnitId);
  }
}
