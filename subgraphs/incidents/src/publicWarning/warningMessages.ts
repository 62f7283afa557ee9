import { localDateTimeWithOffset } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Alert } from '../alert/alert';
import type { IncidentsContext } from '../context';
import { CAP_CATEGORY_OF_SECTOR, CapMessageType } from './capVocabulary';
import type { PublicWarning } from './publicWarning';
import type { PublicWarningInput } from './publicWarning.input';
import { PublicWarningMessage } from './publicWarningMessage';
import type { WarningContent, WarningUnit } from './warningContent';

/** The CAP 1.2 word of each message type (msgType), as messages and events spell it. */
export const CAP_MSG_TYPE = { ALERT: 'Alert', UPDATE: 'Update', CANCEL: 'Cancel' } as const satisfies Record<CapMessageType, string>;

/** The administrative units a warning names, with the codes and names the directory gives them now. */
export async function warningUnits(ctx: IncidentsContext, unitIds: string[]): Promise<WarningUnit[]> {
  const units = await Promise.all(unitIds.map((id) => ctx.directory.unit(id, 'unitIds')));
  return units.map(({ id, code, nameVi, nameEn }) => ({ id, code, nameVi, nameEn }));
}

/** A warning's content from what the operator gave, the alert filling in what was left out. */
export function warningContent(input: PublicWarningInput, alert: Alert, units: WarningUnit[]): WarningContent {
  return {
    status: alert.status,
    eventVi: input.eventVi.trim(),
    eventEn: input.eventEn.trim(),
    category: input.category ?? CAP_CATEGORY_OF_SECTOR[alert.sector],
    severity: input.severity ?? alert.severity,
    urgency: input.urgency ?? alert.urgency,
    certainty: input.certainty ?? alert.certainty,
    responseType: input.responseType ?? null,
    headlineVi: input.headlineVi.trim(),
    headlineEn: input.headlineEn.trim(),
    descriptionVi: input.descriptionVi.trim(),
    descriptionEn: input.descriptionEn.trim(),
    instructionVi: input.instructionVi?.trim() || null,
    instructionEn: input.instructionEn?.trim() || null,
    onset: input.onset?.toISOString() ?? null,
    expires: input.expires.toISOString(),
    areaDescVi: input.areaDescVi.trim(),
    areaDescEn: input.areaDescEn.trim(),
    units,
    circle: input.circle ? { latitude: input.circle.latitude, longitude: input.circle.longitude, radiusKm: input.circle.radiusKm } : null,
    polygon: input.polygon?.map(({ latitude, longitude }) => ({ latitude, longitude })) ?? null,
  };
}

/**
 * Appends the warning's next CAP message, snapshotting its content as it is now. The identifier is
 * stable (province, warning, sequence); an Update or Cancel references every earlier message of the
 * warning, as CAP 1.2 §3.2.1 asks, with `sent` written exactly as the earlier message renders it.
 */
export async function appendWarningMessage(
  em: EntityManager,
  ctx: IncidentsContext,
  warning: PublicWarning,
  msgType: CapMessageType,
  sent: Date,
  note: string | null = null,
): Promise<PublicWarningMessage> {
  const earlier = warning.messageCount
    ? await em.find(PublicWarningMessage, { warning: warning.id }, { orderBy: { sequence: 'ASC' } })
    : [];
  const sequence = warning.messageCount + 1;
  warning.messageCount = sequence;
  const message = em.create(PublicWarningMessage, {
    warning,
    sequence,
    msgType,
    identifier: `urn:ioc-graph:${ctx.config.capProvinceCode}:warning:${warning.id}:${sequence}`,
    sender: ctx.config.capSender,
    sent,
    references: earlier.length ? earlier.map((m) => `${m.sender},${m.identifier},${localDateTimeWithOffset(m.sent)}`).join(' ') : null,
    note,
    content: structuredClone(warning.content),
  });
  em.persist(message);
  return message;
}
