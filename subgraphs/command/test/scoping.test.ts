import { demoId } from '@ioc-graph/directory';
import {
  CommandAcknowledgeDirectiveDocument,
  CommandActivateOperationDocument,
  CommandFieldUnitDirectivesDocument,
  CommandIssueDirectiveDocument,
  CommandOperationDocument,
  CommandOperationsDocument,
} from '../../../__generated__/graphql';
import { codes, execute, startHub, type Hub } from '../../../test/support/hub';
import { playbookId } from '../seeds/playbooks';
import { ok } from '../../../test/support/graphql';
import { agency, openLandslide, staffTokens } from './helpers';

/** Authorization is data scoping: an agency reads the operations it takes part in, and its own directives. */
describe('what an agency sees of operations', () => {
  let hub: Hub;
  let gql: string;
  let staff: Record<string, string>;

  beforeAll(async () => {
    hub = await startHub();
    gql = hub.gatewayUrl;
    staff = await staffTokens(hub, ['CA-BP', 'SCT-BP']);
  });
  afterAll(() => hub.stop());

  it('shows an agency only the operations it takes part in, and only the directives addressed to it', async () => {
    const { tokens } = hub;
    const incident = await openLandslide(hub, 'Sạt lở taluy Quốc lộ 14, phường Phước Bình');
    const operation = ok(
      await execute(
        gql,
        CommandActivateOperationDocument,
        { input: { incidentId: incident.id, playbookId: playbookId('FLOOD_SONG_BE') } },
        { token: tokens.OPERATOR },
      ),
    ).activateOperation;
    const toPolice = ok(
      await execute(
        gql,
        CommandIssueDirectiveDocument,
        { operationId: operation.id, input: { text: 'Công an tỉnh chốt chặn Quốc lộ 14 đoạn sạt lở', agencyIds: [agency('CA-BP')] } },
        { token: tokens.LEADER },
      ),
    ).issueDirective;
    const toSxd = ok(
      await execute(
        gql,
        CommandIssueDirectiveDocument,
        { operationId: operation.id, input: { text: 'Sở Xây dựng đánh giá an toàn nhà dân ven taluy', agencyIds: [agency('SXD-BP')] } },
        { token: tokens.LEADER },
      ),
    ).issueDirective;

    // The construction department (a task and a directive) reads the operation without the police's directive.
    const seen = ok(await execute(gql, CommandOperationDocument, { id: operation.id }, { token: tokens.AGENCY_STAFF })).operation!;
    expect(seen.directives.map((d) => d.id)).toEqual([toSxd.id]);
    expect(seen.log.filter((e) => e.action === 'issueDirective').map((e) => e.note)).toEqual([toSxd.text]);
    // The police take part through the directive alone; the industry department not at all.
    expect(
      ok(await execute(gql, CommandOperationsDocument, { filter: { incidentId: incident.id } }, { token: staff['CA-BP'] })).operations
        .totalCount,
    ).toBe(1);
    expect(
      ok(await execute(gql, CommandOperationDocument, { id: operation.id }, { token: staff['CA-BP'] })).operation!.directives.map(
        (d) => d.id,
      ),
    ).toEqual([toPolice.id]);
    expect(ok(await execute(gql, CommandOperationsDocument, {}, { token: staff['SCT-BP'] })).operations.totalCount).toBe(0);
    expect(codes(await execute(gql, CommandOperationDocument, { id: operation.id }, { token: staff['SCT-BP'] }))).toEqual(['FORBIDDEN']);
    expect(
      codes(await execute(gql, CommandAcknowledgeDirectiveDocument, { directiveId: toPolice.id }, { token: tokens.AGENCY_STAFF })),
    ).toEqual(['FORBIDDEN']);
    // The center reads everything.
    expect(
      ok(await execute(gql, CommandOperationDocument, { id: operation.id }, { token: tokens.OPERATOR })).operation!.directives,
    ).toHaveLength(2);

    // A directive to a field unit waits on that unit's officers, who acknowledge it for the unit.
    const truck = demoId('fieldUnit', 'FU-PCCC-01');
    const toTruck = ok(
      await execute(
        gql,
        CommandIssueDirectiveDocument,
        { operationId: operation.id, input: { text: 'Xe 93CD-001 hỗ trợ bơm thoát nước tại điểm sạt lở', fieldUnitIds: [truck] } },
        { token: tokens.LEADER },
      ),
    ).issueDirective;
    expect(toTruck.addressees).toEqual([{ state: 'PENDING', agency: null, fieldUnit: { id: truck } }]);
    expect(
      ok(
        await execute(gql, CommandFieldUnitDirectivesDocument, { id: truck }, { token: tokens.FIELD_OFFICER }),
      ).fieldUnit!.unacknowledgedDirectives?.map((d) => d.id),
    ).toEqual([toTruck.id]);
    expect(
      codes(
        await execute(gql, CommandFieldUnitDirectivesDocument, { id: demoId('fieldUnit', 'FU-PCCC-02') }, { token: tokens.FIELD_OFFICER }),
      ),
    ).toEqual(['FORBIDDEN']);
    const fromTruck = ok(
      await execute(gql, CommandAcknowledgeDirectiveDocument, { directiveId: toTruck.id }, { token: tokens.FIELD_OFFICER }),
    ).acknowledgeDirective;
    expect(fromTruck).toMatchObject({ acknowledged: true, addressees: [{ state: 'ACKNOWLEDGED', acknowledgedBy: 'demo-field' }] });
    expect(
      ok(await execute(gql, CommandFieldUnitDirectivesDocument, { id: truck }, { token: tokens.FIELD_OFFICER })).fieldUnit!
        .unacknowledgedDirectives,
    ).toEqual([]);
  });
});
