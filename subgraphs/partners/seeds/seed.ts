import { demoId } from '@ioc-graph/directory';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiKey } from '../src/apiKey/apiKey';
import { isSecret, secretHash, secretPrefix } from '../src/apiKey/secret';
import { Partner } from '../src/partner/partner';
import { API_KEY_SCOPES } from '@ioc-graph/platform';

/** When the demo partners accepted their licence and were registered. */
const REGISTERED = new Date('2026-09-01T02:00:00Z');

/** Two partners of Bình Phước that pull open data: the provincial newspaper and a university research group. */
const DEMO_PARTNERS = [
  {
    code: 'bao-binh-phuoc',
    organisation: 'Báo Bình Phước điện tử',
    contactName: 'Nguyễn Văn Hùng',
    contactEmail: 'toasoan@baobinhphuoc.com.vn',
    purpose: 'Đăng bản đồ chất lượng không khí, cảnh báo thiên tai và kết quả xử lý phản ánh lên trang tin điện tử',
    licence: 'CC-BY-4.0',
  },
  {
    code: 'dhnl-moi-truong',
    organisation: 'Trường Đại học Nông Lâm TP. Hồ Chí Minh — nhóm nghiên cứu môi trường',
    contactName: 'TS. Lê Thị Thu Hà',
    contactEmail: 'moitruong@hcmuaf.edu.vn',
    purpose: 'Nghiên cứu bụi mịn PM2.5 và mực nước sông Bé theo mùa, công bố trên tạp chí khoa học',
    licence: 'ODbL-1.0',
  },
] as const;

/** The id of a demo partner by its code (`bao-binh-phuoc`, `dhnl-moi-truong`). */
export const demoPartnerId = (code: string) => demoId('partner', code);

/**
 * Adds the demo partners when missing; the center's own changes to them stay. Never a key: a key with
 * a secret known to anyone reading this repository must not exist in production (see seedDemoApiKey).
 */
export async function seedPartners(em: EntityManager): Promise<number> {
  const rows = DEMO_PARTNERS.map(({ code, ...partner }) => ({
    ...partner,
    id: demoPartnerId(code),
    licenceAcceptedAt: REGISTERED,
    suspended: false,
    createdAt: REGISTERED,
    version: 1,
  }));
  const added = (await em.createQueryBuilder(Partner).insert(rows).onConflict('id').ignore().returning('id').execute('all')) as unknown[];
  return added.length;
}

/**
 * Adds, for the embedded demo only, a key of the newspaper with every scope whose secret is `secret`
 * (the launcher chooses and prints it); nothing when a key with that secret exists. Requires the demo
 * partners (SEED_DEMO_DATA). Never call it in production.
 */
export async function seedDemoApiKey(em: EntityManager, secret: string, now: Date = new Date()): Promise<ApiKey | null> {
  if (!isSecret(secret)) throw new Error('A demo API key secret is "iocg_" and 40 letters and digits');
  const hash = secretHash(secret);
  const existing = await em.findOne(ApiKey, { hash });
  if (existing) return existing;
  const expiresAt = new Date(now);
  expiresAt.setUTCFullYear(expiresAt.getUTCFullYear() + 1);
  const key = em.create(ApiKey, {
    partner: em.getReference(Partner, demoPartnerId('bao-binh-phuoc'), { wrapped: true }),
    label: 'Demo key (embedded hub)',
    prefix: secretPrefix(secret),
    hash,
    scopes: [...API_KEY_SCOPES],
    quotaPerMinute: 600,
    quotaPerDay: 100_000,
    expiresAt,
    createdAt: now,
  });
  await em.persistAndFlush(key);
  return key;
}
