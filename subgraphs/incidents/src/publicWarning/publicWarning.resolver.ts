import { badInput, CacheHint, ConnectionArgs, ConnectionType, paginate, requireId } from '@ioc-graph/platform';
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { IncidentsContext } from '../context';
import { PublicWarningState } from './capVocabulary';
import { PublicWarning, stateAt } from './publicWarning';
import { messagesOfWarning, publicWarningById } from './publicWarning.loader';
import { PublicWarningMessage } from './publicWarningMessage';

@ObjectType({ description: 'A page of public warnings' })
export class PublicWarningConnection extends ConnectionType(PublicWarning) {}

/** CAP identifiers are ours: `urn:ioc-graph:<province>:warning:<uuid>:<sequence>`; anything longer is no identifier. */
const MAX_IDENTIFIER_LENGTH = 200;

/** The warnings in `state` as a reader sees it at `now` (an ACTIVE one past its time is EXPIRED). */
function whereState(state: PublicWarningState, now: Date): FilterQuery<PublicWarning> {
  if (state === PublicWarningState.ACTIVE) return { state, expires: { $gt: now } };
  if (state === PublicWarningState.EXPIRED) return { $or: [{ state }, { state: PublicWarningState.ACTIVE, expires: { $lte: now } }] };
  return { state };
}

/**
 * Public warnings are published on purpose: anyone reads them, without a token, and the answers are
 * cached (30 s; each warning's event invalidates them sooner). A warning shows its own fields and its
 * alert's id only, never the alert's reporter or content.
 */
@Resolver(() => PublicWarning)
export class PublicWarningResolver {
  @CacheHint(30)
  @Query(() => PublicWarningConnection, { description: 'Public warnings in a state, the most recently issued first. Public' })
  publicWarnings(
    @Arg('state', () => PublicWarningState, { defaultValue: PublicWarningState.ACTIVE, description: 'Which warnings; ACTIVE when omitted' })
    state: PublicWarningState,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: IncidentsContext,
  ) {
    return paginate(ctx.em, PublicWarning, whereState(state, ctx.clock.now()), { ...page, orderBy: 'issuedAt', direction: 'DESC' });
  }

  @CacheHint(30)
  @Query(() => PublicWarning, { nullable: true, description: 'A public warning by id; null when there is none. Public' })
  publicWarning(@Arg('id', () => ID, { description: 'Id of the warning' }) id: string, @Ctx() ctx: IncidentsContext) {
    return publicWarningById(ctx).load(requireId(id, 'id'));
  }

  @CacheHint(30)
  @Query(() => PublicWarningMessage, {
    nullable: true,
    description: 'A CAP message of a public warning by its CAP identifier; null when there is none. Public',
  })
  publicWarningMessage(
    @Arg('identifier', { description: 'The message’s CAP identifier' }) identifier: string,
    @Ctx() ctx: IncidentsContext,
  ) {
    if (identifier.length > MAX_IDENTIFIER_LENGTH)
      throw badInput('identifier is too long', [{ field: 'identifier', message: `at most ${MAX_IDENTIFIER_LENGTH} characters` }]);
    return ctx.em.findOne(PublicWarningMessage, { identifier });
  }

  @FieldResolver(() => PublicWarningState, { description: 'Where the warning stands now (EXPIRED once its time has passed)' })
  state(@Root() warning: PublicWarning, @Ctx() ctx: IncidentsContext) {
    return stateAt(warning, ctx.clock.now());
  }

  @FieldResolver(() => ID, { description: 'Id of the alert the warning is about (the alert itself is the center’s)' })
  alertId(@Root() warning: PublicWarning) {
    return warning.alert.id;
  }

  @FieldResolver(() => [PublicWarningMessage], { description: 'The CAP messages sent for it, oldest first: Alert, Updates, Cancel' })
  messages(@Root() warning: PublicWarning, @Ctx() ctx: IncidentsContext) {
    return messagesOfWarning(ctx).load(warning.id);
  }
}

@Resolver(() => PublicWarningMessage)
export class PublicWarningMessageResolver {
  @FieldResolver(() => ID, { description: 'Id of the public warning the message belongs to' })
  warningId(@Root() message: PublicWarningMessage) {
    return message.warning.id;
  }
}
