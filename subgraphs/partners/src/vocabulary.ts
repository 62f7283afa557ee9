/**
 * The licences under which the hub offers its open data; a partner accepts one of them before any key
 * is issued. Ids are SPDX identifiers, so that partners' tools recognise them.
 */
export const PARTNER_LICENCES = ['CC-BY-4.0', 'CC-BY-SA-4.0', 'CC0-1.0', 'ODC-By-1.0', 'ODbL-1.0'] as const;
export type PartnerLicence = (typeof PARTNER_LICENCES)[number];

/** Bounds of a key's quotas and life, checked when a key is issued. */
export const QUOTA_PER_MINUTE = { min: 1, max: 6000 } as const;
export const QUOTA_PER_DAY = { min: 1, max: 1_000_000 } as const;
/** A key lives at most two years: partners come back for a new one, and forgotten keys die. */
export const MAX_KEY_LIFE_DAYS = 2 * 366;
