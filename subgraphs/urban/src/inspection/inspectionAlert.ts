import { emitEvent, type Identity } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { INSPECTION_KINDS } from '../vocabulary';
import type { Inspection } from './inspection';

/**
 * An inspection record reported to the center goes through the incidents subgraph's intake as a breach
 * of urban order: `urban.breachOpened` keyed by the record's id (so it raises exactly one alert, filed
 * under its kind's category, which the center verifies and turns into an incident), and
 * `urban.breachClosed` when the team finds it remedied (the alert's timeline says so).
 */
export async function emitInspectionAlert(
  tx: EntityManager,
  actor: Identity,
  at: Date,
  record: Inspection,
  step: 'breachOpened' | 'breachClosed',
): Promise<void> {
  const kind = INSPECTION_KINDS[record.kind];
  await emitEvent(tx, actor, at, {
    type: `urban.${step}`,
    entityType: 'Inspection',
    entityKey: record.id,
    payload: {
      categoryCode: kind.categoryCode,
      headline: step === 'breachClosed' ? `Đã khắc phục: ${kind.nameVi} tại ${record.address}` : `${kind.nameVi} tại ${record.address}`,
      description: record.description,
      unitId: record.unitId,
      unitLineage: record.unitLineage,
      latitude: record.latitude,
      longitude: record.longitude,
      place: record.address,
      startedAt: record.observedAt.toISOString(),
      status: 'ACTUAL',
      evidence: record.photos,
    },
  });
}
