import { createHash } from 'node:crypto';
import { epidemic } from './playbookData/epidemic';
import { flood } from './playbookData/flood';
import { largeFire } from './playbookData/largeFire';
import { massDisorder } from './playbookData/massDisorder';
import { storm } from './playbookData/storm';
import type { PlaybookSeed } from './playbookRows';

/** The playbooks every installation starts with, one per emergency type. */
export const playbooks: PlaybookSeed[] = [flood, storm, largeFire, massDisorder, epidemic];

/** A stable id per playbook code, so that every installation, test and example refers to the same ids. */
export function playbookId(code: string): string {
  const hex = createHash('sha256').update(`ioc-graph:playbook:${code}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
