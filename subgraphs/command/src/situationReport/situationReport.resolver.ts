import { forbidden, inTransaction, isCenterOrService, Role } from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { CommandContext } from '../context';
import { Agency, agencyRef } from '../foreign/entities';
import { participantsOf, recordStep } from '../log/journal';
import { LogSubject } from '../log/logEntry';
import { Operation } from '../operation/operation';
import { operationById } from '../operation/operation.loader';
import { assertActive } from '../operation/operation.rules';
import { lockOperation } from '../operation/operation.steps';
import { OperationTask } from '../task/task';
import { SituationReport } from './situationReport';
import { SituationReportInput } from './situationReport.input';

/** Situation reports (báo cáo tình hình): from the center or from an agency with a task in the operation. */
@Resolver(() => SituationReport)
export class SituationReportResolver {
  @Authorized(Role.LEADER, Role.OPERATOR, Role.AGENCY_STAFF)
  @Mutation(() => SituationReport, { description: 'Files a situation report (the center, or an agency with a task in the operation)' })
  fileSituationReport(
    @Arg('operationId', () => ID, { description: 'Id of the active operation' }) operationId: string,
    @Arg('input', () => SituationReportInput, { description: 'The report' }) input: SituationReportInput,
    @Ctx() ctx: CommandContext,
  ) {
    return inTransaction(ctx.em, async (em) => {
      const operation = await lockOperation(ctx, em, operationId, 'share');
      const { agencyId } = ctx.identity;
      if (!isCenterOrService(ctx.identity) && !(agencyId && (await em.count(OperationTask, { operation: operation.id, agencyId })) > 0)) {
        throw forbidden('Only the center and agencies with a task in the operation file situation reports');
      }
      assertActive(operation);
      const now = ctx.clock.now();
      const report = em.create(SituationReport, {
        operation,
        summary: input.summary.trim(),
        deaths: input.deaths ?? null,
        injured: input.injured ?? null,
        missing: input.missing ?? null,
        evacuated: input.evacuated ?? null,
        housesDamaged: input.housesDamaged ?? null,
        filedAt: now,
        filedBy: ctx.identity.subject!,
        agencyId,
      });
      em.persist(report);
      const step = {
        action: 'fileSituationReport',
        event: 'sitrep.filed' as const,
        subjectType: LogSubject.SITUATION_REPORT,
        subjectId: report.id,
        note: report.summary,
      };
      await recordStep(ctx, em, now, operation, step, await participantsOf(em, operation.id));
      return report;
    });
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The agency of the person who filed it' })
  agency(@Root() report: SituationReport) {
    return agencyRef(report.agencyId);
  }

  @FieldResolver(() => Operation, { description: 'The operation it reports on' })
  operation(@Root() report: SituationReport, @Ctx() ctx: CommandContext) {
    return operationById(ctx).load(report.operation.id);
  }
}
