import { foldVietnamese, Role } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { AdministrativeKind, AdministrativeLevel, AdministrativeUnit } from '../src/administrativeUnit/administrativeUnit';
import { Agency, AgencyKind } from '../src/agency/agency';
import { FieldUnit, FieldUnitKind } from '../src/fieldUnit/fieldUnit';
import { Person } from '../src/person/person';
import { agencies, fieldUnits, people, units } from './data';

/**
 * A stable id for a demo record, derived from its kind and code (UUID v5 layout over SHA-1), so that
 * demo tokens and documented examples stay valid across fresh databases.
 */
export function demoId(kind: string, code: string): string {
  const hex = createHash('sha1').update(`ioc-graph:${kind}:${code}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const fold = (...parts: (string | undefined)[]) => foldVietnamese(parts.filter(Boolean).join(' '));

/**
 * Loads the Bình Phước demo directory in one transaction, once: nothing happens when any
 * administrative unit exists. Returns the counts loaded, or null when it did nothing.
 */
export async function seedDirectory(em: EntityManager) {
  if ((await em.count(AdministrativeUnit, {})) > 0) return null;
  return em.transactional(async (tx) => {
    const unitPaths = new Map<string, { id: string; path: string; depth: number }>();
    for (const seed of units) {
      const id = demoId('unit', seed.code);
      const parent = seed.parent ? unitPaths.get(seed.parent) : undefined;
      if (seed.parent && !parent) throw new Error(`demo unit ${seed.code} is listed before its parent ${seed.parent}`);
      const node = { id, path: `${parent?.path ?? '/'}${id}/`, depth: parent ? parent.depth + 1 : 0 };
      unitPaths.set(seed.code, node);
      tx.create(AdministrativeUnit, {
        id,
        code: seed.code,
        level: seed.level as AdministrativeLevel,
        kind: seed.kind as AdministrativeKind,
        nameVi: seed.nameVi,
        nameEn: seed.nameEn,
        parent: parent ? tx.getReference(AdministrativeUnit, parent.id, { wrapped: true }) : null,
        path: node.path,
        depth: node.depth,
        latitude: seed.lat,
        longitude: seed.lng,
        searchText: fold(seed.nameVi, seed.nameEn, seed.code),
      });
    }
    const unitRef = (code: string) => tx.getReference(AdministrativeUnit, demoId('unit', code), { wrapped: true });
    for (const seed of agencies) {
      tx.create(Agency, {
        id: demoId('agency', seed.code),
        code: seed.code,
        kind: seed.kind as AgencyKind,
        nameVi: seed.nameVi,
        nameEn: seed.nameEn,
        jurisdiction: unitRef(seed.jurisdiction),
        phone: seed.phone ?? null,
        email: seed.email ?? null,
        address: seed.address ?? null,
        searchText: fold(seed.nameVi, seed.nameEn, seed.code),
      });
    }
    const agencyRef = (code: string) => tx.getReference(Agency, demoId('agency', code), { wrapped: true });
    for (const seed of fieldUnits) {
      tx.create(FieldUnit, {
        id: demoId('fieldUnit', seed.code),
        code: seed.code,
        callSign: seed.callSign,
        kind: seed.kind as FieldUnitKind,
        nameVi: seed.nameVi,
        nameEn: seed.nameEn,
        agency: agencyRef(seed.agency),
        capacity: seed.capacity,
        homeUnit: unitRef(seed.homeUnit),
        homeAddress: seed.homeAddress,
        homeLatitude: seed.homeLat,
        homeLongitude: seed.homeLng,
        searchText: fold(seed.nameVi, seed.nameEn, seed.code, seed.callSign),
      });
    }
    for (const seed of people) {
      tx.create(Person, {
        id: demoId('person', seed.subject),
        subject: seed.subject,
        fullName: seed.fullName,
        title: seed.title ?? null,
        roles: seed.roles as Role[],
        agency: seed.agency ? agencyRef(seed.agency) : null,
        fieldUnit: seed.fieldUnit ? tx.getReference(FieldUnit, demoId('fieldUnit', seed.fieldUnit), { wrapped: true }) : null,
        scopeUnit: seed.scope ? unitRef(seed.scope) : null,
        phone: seed.phone ?? null,
        email: seed.email ?? null,
        searchText: fold(seed.fullName),
      });
    }
    return { units: units.length, agencies: agencies.length, fieldUnits: fieldUnits.length, people: people.length };
  });
}

/** The identity claims of each demo person, for the tokens printed at start. */
export const demoIdentities = () =>
  people
    .filter((p) => p.subject.startsWith('demo-'))
    .map((p) => ({
      subject: p.subject,
      fullName: p.fullName,
      roles: p.roles as Role[],
      agencyId: p.agency ? demoId('agency', p.agency) : null,
      fieldUnitId: p.fieldUnit ? demoId('fieldUnit', p.fieldUnit) : null,
      scopeUnitId: p.scope ? demoId('unit', p.scope) : null,
    }));
