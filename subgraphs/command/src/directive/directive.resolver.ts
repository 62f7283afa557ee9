import { Role } from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { STAFF_ROLES } from '../common';
import type { CommandContext } from '../context';
import { Agency, agencyRef, FieldUnit, fieldUnitRef } from '../federation/foreignEntities';
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
  issueDirective(@Arg('operationId', () => ID) operationId: string, @Arg('input', () => IssueDirectiveInput) input: IssueDirectiveInput, @Ctx() ctx: CommandContext) {
    return issueDirective(ctx, operationId, input);
  }

  @Authorized(...STAFF_ROLES)
  @Mutation(() => OperationDirective, { description: 'Confirms that the caller’s agency (or, for a field officer, unit) has received the directive' })
  acknowledgeDirective(
    @Arg('directiveId', () => ID) directiveId: string,
    @Arg('input', () => AcknowledgeDirectiveInput, { nullable: true }) input: AcknowledgeDirectiveInput | null,
    @Ctx() ctx: CommandContext,
  ) {
    return acknowledgeDirective(ctx, directiveId, input?.note?.trim() ?? null);
  }

  @FieldResolver(() => Operation)
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
  @FieldResolver(() => Agency, { nullable: true })
  agency(@Root() addressee: DirectiveAddressee) {
    return agencyRef(addressee.agencyId);
  }

  @FieldResolver(() => FieldUnit, { nullable: true })
  fieldUnit(@Root() addressee: DirectiveAddressee) {
    return fieldUnitRef(addressee.fieldUnitId);
  }
}
