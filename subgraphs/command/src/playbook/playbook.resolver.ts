import { requireId } from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { STAFF_ROLES } from '../common';
import type { CommandContext } from '../context';
import { EmergencyType } from '../vocabulary';
import { Playbook } from './playbook';
import { playbookByCode, playbookById } from './playbook.loader';

/** The playbook catalogue: read by everyone who works in the center's network. */
@Resolver(() => Playbook)
export class PlaybookResolver {
  @Authorized(...STAFF_ROLES)
  @Query(() => [Playbook], { description: 'Playbooks (kịch bản), by emergency type and code' })
  playbooks(@Arg('emergencyType', () => EmergencyType, { nullable: true }) emergencyType: EmergencyType | null, @Ctx() ctx: CommandContext) {
    return ctx.em.find(Playbook, emergencyType ? { emergencyType } : {}, { orderBy: { emergencyType: 'ASC', code: 'ASC' } });
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => Playbook, { nullable: true })
  playbook(@Arg('id', () => ID) id: string, @Ctx() ctx: CommandContext) {
    return playbookById(ctx).load(requireId(id, 'id'));
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => Playbook, { nullable: true, description: 'A playbook by its code, e.g. FLOOD_SONG_BE' })
  playbookByCode(@Arg('code') code: string, @Ctx() ctx: CommandContext) {
    return playbookByCode(ctx).load(code.trim());
  }
}
