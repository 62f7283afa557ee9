import type { ChecklistItem, PlaybookPhase, ResourceRequirement, TaskTemplate } from '../src/playbook/playbook.types';
import { AgencyKind, ResourceKind, type EmergencyType } from '../src/vocabulary';

// Compact builders for the playbook data: one line per phase, task, resource and checklist item.

/** A seeded playbook: everything but the id (derived from the code) and the version. */
export interface PlaybookSeed {
  code: string;
  emergencyType: EmergencyType;
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  categoryCodes: string[];
  phases: PlaybookPhase[];
  taskTemplates: TaskTemplate[];
  requiredResources: ResourceRequirement[];
  checklist: ChecklistItem[];
}

/** The kind of each province-level agency of the demo directory that playbooks name by code. */
export const AGENCY_KINDS: Record<string, AgencyKind> = {
  'UBND-BP': AgencyKind.PROVINCIAL_PEOPLES_COMMITTEE,
  'IOC-BP': AgencyKind.OPERATIONS_CENTER,
  'CA-BP': AgencyKind.POLICE,
  'PCCC-BP': AgencyKind.FIRE_AND_RESCUE,
  'SYT-BP': AgencyKind.HEALTH,
  'CC115-BP': AgencyKind.HEALTH,
  'BCHQS-BP': AgencyKind.MILITARY,
  'SXD-BP': AgencyKind.PROVINCIAL_DEPARTMENT,
  'SNNMT-BP': AgencyKind.PROVINCIAL_DEPARTMENT,
  'SGTVT-BP': AgencyKind.PROVINCIAL_DEPARTMENT,
  'STTTT-BP': AgencyKind.PROVINCIAL_DEPARTMENT,
  'SCT-BP': AgencyKind.PROVINCIAL_DEPARTMENT,
  'SLDTBXH-BP': AgencyKind.PROVINCIAL_DEPARTMENT,
  'PC-BP': AgencyKind.PUBLIC_SERVICE,
  'CTN-BP': AgencyKind.PUBLIC_SERVICE,
};

/** A phase: its code, Vietnamese and English names. */
export const phase = (code: string, nameVi: string, nameEn: string): PlaybookPhase => ({ code, nameVi, nameEn });

/**
 * A task row: the phase, who does it (an agency code of the directory, or an agency kind: the nearest
 * agency of that kind above the incident's place, e.g. the local people's committee), minutes to its
 * deadline from the start of the phase, and its Vietnamese and English titles.
 */
export type TaskRow = [phase: string, who: string, dueWithinMinutes: number | null, titleVi: string, titleEn: string];

/** Task templates from rows, coded `<phase>-<n>` in the order of their phase. */
export function tasks(rows: TaskRow[]): TaskTemplate[] {
  const counts = new Map<string, number>();
  return rows.map(([phaseCode, who, dueWithinMinutes, titleVi, titleEn]) => {
    const n = (counts.get(phaseCode) ?? 0) + 1;
    counts.set(phaseCode, n);
    const byCode = AGENCY_KINDS[who];
    const kind = byCode ?? (AgencyKind as Record<string, AgencyKind>)[who];
    if (!kind) throw new Error(`playbook task ${phaseCode}-${n} names ${who}: neither a known agency code nor an agency kind`);
    return {
      code: `${phaseCode}-${n}`,
      phase: phaseCode,
      titleVi,
      titleEn,
      agencyKind: kind,
      agencyCode: byCode ? who : null,
      dueWithinMinutes,
    };
  });
}

/** Resource requirements from rows: kind, quantity, an optional Vietnamese note (unit, what). */
export const resources = (rows: [kind: ResourceKind, quantity: number, noteVi?: string][]): ResourceRequirement[] =>
  rows.map(([kind, quantity, noteVi]) => ({ kind, quantity, noteVi: noteVi ?? null }));

/** Checklist items from rows: Vietnamese and English text. */
export const checklist = (rows: [textVi: string, textEn: string][]): ChecklistItem[] =>
  rows.map(([textVi, textEn]) => ({ textVi, textEn }));

export { ResourceKind };
