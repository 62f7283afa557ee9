import { requireId, STAFF_ROLES } from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { CommandContext } from '../context';
import { EmergencyType } from '../vocabulary';
import { Playbook } from './playbook';
import { playbookByCode, playbookById } from './playbook.loader';

/** The playbook catalogue: read by everyone who works in the center's network. */
@Resolver(() => Playbook)
export class PlaybookResolver {
  @Authorized(...STAFF_ROLES)
  @Query(() => [Playbook], { description: 'Playbooks (kịch bản), by emergency type and code. Staff roles only' })
  playbooks(
    @Arg('emergencyType', () => EmergencyType, {
      nullable: true,
      description: 'Only playbooks for this kind of emergency; all when omitted',
    })
    emergencyType: EmergencyType | null,
    @Ctx() ctx: CommandContext,
  ) {
    return ctx.em.find(Playbook, emergencyType ? { emergencyType } : {}, { orderBy: { emergencyType: 'ASC', code: 'ASC' } });
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => Playbook, { nullable: true, description: 'A playbook by id; null when there is none. Staff roles only' })
  playbook(@Arg('id', () => ID, { description: 'Id of the playbook' }) id: string, @Ctx() ctx: CommandContext) {
    return playbookById(ctx).load(requireId(id, 'id'));
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => Playbook, {
    nullable: true,
    description: 'A playbook by its code, e.g. FLOOD_SONG_BE; null when there is none. Staff roles only',
  })
  playbookByCode(@Arg('code', { description: 'Code of the playbook, e.g. FLOOD_SONG_BE' }) code: string, @Ctx() ctx: CommandContext) {
    return playbookByCode(ctx).load(code.trim());
  }
}
