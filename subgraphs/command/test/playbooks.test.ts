import { AGENCY_KINDS, tasks } from '../seeds/playbookRows';
import { playbookId, playbooks } from '../seeds/playbooks';
import { EmergencyType, ResourceKind } from '../src/vocabulary';

/** The seeded playbooks are data: these checks keep them usable by activateOperation and advancePhase. */
describe('the seeded playbooks', () => {
  it('cover every emergency type, once, with distinct codes', () => {
    expect(playbooks.map((p) => p.emergencyType).sort()).toEqual(Object.values(EmergencyType).sort());
    expect(new Set(playbooks.map((p) => p.code)).size).toBe(playbooks.length);
  });

  it.each(playbooks.map((p) => [p.code, p] as const))(
    '%s gives tasks in every phase, to agencies it can name, with a checklist',
    (_code, playbook) => {
      const phases = playbook.phases.map((p) => p.code);
      expect(new Set(phases).size).toBe(phases.length);
      expect(phases.length).toBeGreaterThanOrEqual(2);
      // Every phase gives out work, and no task belongs to a phase the playbook does not have.
      for (const phase of phases) expect(playbook.taskTemplates.some((t) => t.phase === phase)).toBe(true);
      for (const template of playbook.taskTemplates) expect(phases).toContain(template.phase);
      expect(new Set(playbook.taskTemplates.map((t) => t.code)).size).toBe(playbook.taskTemplates.length);
      // A named agency's kind matches the directory's; an unnamed one is found by kind, only for local committees.
      for (const template of playbook.taskTemplates) {
        if (template.agencyCode) expect(AGENCY_KINDS[template.agencyCode]).toBe(template.agencyKind);
        else expect(template.agencyKind).toBe('PEOPLES_COMMITTEE');
        expect(template.titleVi.length).toBeGreaterThan(10);
        expect(template.titleEn.length).toBeGreaterThan(10);
      }
      expect(playbook.requiredResources.every((r) => Object.values(ResourceKind).includes(r.kind) && r.quantity > 0)).toBe(true);
      expect(playbook.checklist.length).toBeGreaterThanOrEqual(3);
    },
  );

  it('have ids that never change, so that examples and clients can name them', () => {
    expect(playbookId('FLOOD_SONG_BE')).toBe(playbookId('FLOOD_SONG_BE'));
    expect(playbookId('FLOOD_SONG_BE')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(playbookId('FLOOD_SONG_BE')).not.toBe(playbookId('STORM_TROPICAL'));
  });

  it('refuses a task row naming neither a known agency code nor an agency kind', () => {
    expect(() => tasks([['RESPONSE', 'SXD-HN', 30, 'Kiểm tra công trình', 'Inspect buildings']])).toThrow(/SXD-HN/);
    expect(tasks([['RESPONSE', 'POLICE', 30, 'Phân luồng', 'Divert traffic']])[0]).toMatchObject({
      code: 'RESPONSE-1',
      agencyKind: 'POLICE',
      agencyCode: null,
    });
  });
});
