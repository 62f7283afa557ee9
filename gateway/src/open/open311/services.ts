import type { Request } from 'express';
import { badOpenRequest } from '../openOperations';

/** A category citizens may report, as the `Open311Services` operation reads it. */
export interface ServiceCategory {
  id: string;
  code: string;
  sector: string;
  nameVi: string;
  nameEn: string;
}

export interface ServicesData {
  categories: ServiceCategory[];
}

/** The language of names and notes: Vietnamese unless `?locale=en` or, without `locale`, `Accept-Language: en…`. */
export type Locale = 'vi' | 'en';

export function localeOf(req: Request): Locale {
  const asked = req.query.locale ?? req.body?.locale;
  if (asked !== undefined) {
    if (asked === 'vi' || asked === 'en') return asked;
    throw badOpenRequest('locale must be vi or en');
  }
  // The caller's first language decides: "en-US,en;q=0.9,vi;q=0.5" is English, "vi,en;q=0.8" Vietnamese.
  const first = (req.header('accept-language') ?? '').split(',')[0].trim().toLowerCase();
  return first === 'en' || first.startsWith('en-') ? 'en' : 'vi';
}

/** The sectors' names, in both languages: a service's `group` and a word of its `keywords`. */
const SECTOR_NAMES: Record<string, { vi: string; en: string }> = {
  SECURITY: { vi: 'An ninh trật tự', en: 'Public security and order' },
  URBAN_ORDER: { vi: 'Trật tự đô thị', en: 'Urban order' },
  EMERGENCY: { vi: 'Cứu nạn cứu hộ, PCCC', en: 'Rescue and fire' },
  E_GOVERNMENT: { vi: 'Chính quyền số', en: 'Digital government' },
  TRAFFIC: { vi: 'Giao thông', en: 'Traffic' },
  ENVIRONMENT: { vi: 'Môi trường', en: 'Environment' },
  HEALTH: { vi: 'Y tế', en: 'Health' },
};

export const sectorName = (sector: string, locale: Locale) => SECTOR_NAMES[sector]?.[locale] ?? sector;

/**
 * A category as an Open311 service. Every report is answered at once with its tracking code: `realtime`.
 * The hub's categories take no extra fields, so `metadata` is false and a definition's `attributes` empty.
 */
export function toService(category: ServiceCategory, locale: Locale) {
  const [name, other] = locale === 'en' ? [category.nameEn, category.nameVi] : [category.nameVi, category.nameEn];
  return {
    service_code: category.code,
    service_name: name,
    description: `${name} (${other}): ${sectorName(category.sector, locale)}`,
    metadata: false,
    type: 'realtime',
    keywords: [category.sector.toLowerCase(), ...category.code.toLowerCase().split('_').slice(1)].join(','),
    group: sectorName(category.sector, locale),
  };
}

/** The definition of a service (`services/{code}`): none of the hub's categories takes extra fields. */
export const serviceDefinition = (category: ServiceCategory) => ({ service_code: category.code, attributes: [] as never[] });
