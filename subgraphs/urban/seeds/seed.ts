import { demoId } from '@ioc-graph/directory';
import type { Logger } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { LightingCabinet, LightingCircuit } from '../src/lighting/lighting';
import { UrbanRule } from '../src/rule/rule';
import { CollectionPoint, WasteTruck } from '../src/waste/waste';
import { cabinets, circuitCode, points, trucks, unitCodeLineage } from './places';
import { defaultRules } from './rules';

const lineage = (unit: string) => unitCodeLineage(unit).map((code) => demoId('unit', code));

/** Inserts rows whose code is not there yet; answers how many were added. */
async function addMissing(em: EntityManager, entity: Parameters<EntityManager['createQueryBuilder']>[0], rows: object[]): Promise<number> {
  if (!rows.length) return 0;
  const added = (await em
    .createQueryBuilder(entity)
    .insert(rows)
    .onConflict('code')
    .ignore()
    .returning('code')
    .execute('all')) as unknown[];
  return added.length;
}

/** Adds the demo lighting, waste collection and default rules of Bình Phước when missing; the center's own changes stay. */
export async function seedUrban(em: EntityManager, logger: Logger): Promise<void> {
  const now = new Date();
  const added = {
    cabinets: await addMissing(
      em,
      LightingCabinet,
      cabinets.map((c) => ({
        id: demoId('lightingCabinet', c.code),
        code: c.code,
        nameVi: c.nameVi,
        nameEn: c.nameEn,
        latitude: c.lat,
        longitude: c.lng,
        unitId: demoId('unit', c.unit),
        unitLineage: lineage(c.unit),
        lastReportAt: null,
        createdAt: now,
      })),
    ),
    circuits: await addMissing(
      em,
      LightingCircuit,
      cabinets.flatMap((c) =>
        c.circuits.map(([nameVi, nameEn, lamps], i) => ({
          id: demoId('lightingCircuit', circuitCode(c.code, i)),
          code: circuitCode(c.code, i),
          cabinetId: demoId('lightingCabinet', c.code),
          nameVi,
          nameEn,
          lampCount: lamps,
          state: null,
          failedLamps: 0,
          lastReportAt: null,
          unitId: demoId('unit', c.unit),
          unitLineage: lineage(c.unit),
        })),
      ),
    ),
    points: await addMissing(
      em,
      CollectionPoint,
      points.map((p) => ({
        id: demoId('collectionPoint', p.code),
        code: p.code,
        nameVi: p.nameVi,
        nameEn: p.nameEn,
        latitude: p.lat,
        longitude: p.lng,
        radiusMeters: 40,
        scheduleDays: p.days,
        unitId: demoId('unit', p.unit),
        unitLineage: lineage(p.unit),
        createdAt: now,
      })),
    ),
    trucks: await addMissing(
      em,
      WasteTruck,
      trucks.map((t) => ({
        id: demoId('wasteTruck', t.code),
        code: t.code,
        nameVi: t.nameVi,
        nameEn: t.nameEn,
        plate: t.plate,
        unitId: demoId('unit', t.unit),
        lastPingAt: null,
        lastLatitude: null,
        lastLongitude: null,
        createdAt: now,
      })),
    ),
    rules: await addMissing(
      em,
      UrbanRule,
      defaultRules.map((r) => ({ ...r, id: demoId('urbanRule', r.code) })),
    ),
  };
  if (Object.values(added).some((n) => n > 0)) logger.info(added, 'reference data added');
}
