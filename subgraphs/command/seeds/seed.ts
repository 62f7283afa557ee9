import type { Logger } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Playbook } from '../src/playbook/playbook';
import { playbookId, playbooks } from './playbooks';

/**
 * Adds the playbooks that are missing, by code, with stable ids. Existing playbooks are never
 * overwritten, so the center's own edits survive upgrades; running it again changes nothing.
 */
export async function seedCommand(em: EntityManager, logger: Logger): Promise<void> {
  const rows = playbooks.map((playbook) => ({ id: playbookId(playbook.code), ...playbook, version: 1 }));
  const inserted = await em.createQueryBuilder(Playbook).insert(rows).onConflict('code').ignore().returning('id').execute('all');
  const added = (inserted as unknown[]).length;
  if (added) logger.info({ playbooks: added }, 'playbooks added');
}
