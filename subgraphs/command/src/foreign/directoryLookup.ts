import { badInput } from '@ioc-graph/platform';
import type { CommandContext } from '../context';
import type { TaskTemplate } from '../playbook/playbook.types';

/** An agency as this subgraph needs it. */
export interface AgencyFacts {
  id: string;
  code: string;
  kind: string;
}

interface UnitAgencies {
  id: string;
  agencies: AgencyFacts[];
  /** From the root down to the parent. */
  ancestors: { id: string; agencies: AgencyFacts[] }[];
}

const ENTITIES = `query CommandDirectoryEntities($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Agency { id code kind }
    ... on FieldUnit { id agency { id } }
    ... on AdministrativeUnit { id agencies { id code kind } ancestors { id agencies { id code kind } } }
  }
}`;

type Entity = (AgencyFacts & UnitAgencies & { agency: { id: string } }) | null;

/** Asks the directory for entities by representation, in one request, in the order asked. */
async function entities(ctx: CommandContext, representations: Record<string, string>[]): Promise<Entity[]> {
  if (!representations.length) return [];
  const data = await ctx.directory.request<{ _entities: Entity[] }>(ENTITIES, { representations }, ctx.requestId);
  return data._entities;
}

/** The agencies an input names (ids already validated as UUIDs); BAD_USER_INPUT naming the field for any unknown. */
export async function requireAgencies(ctx: CommandContext, ids: string[], field: string): Promise<AgencyFacts[]> {
  const found = await entities(
    ctx,
    ids.map((id) => ({ __typename: 'Agency', id })),
  );
  const missing = ids.filter((_id, i) => !found[i]);
  if (missing.length) throw badInput(`${field} refers to no agency: ${missing.join(', ')}`, [{ field, message: 'no such agency' }]);
  return found as AgencyFacts[];
}

/** The field units an input names, with their agencies; BAD_USER_INPUT naming the field for any unknown. */
export async function requireFieldUnits(ctx: CommandContext, ids: string[], field: string): Promise<{ id: string; agencyId: string }[]> {
  const found = await entities(
    ctx,
    ids.map((id) => ({ __typename: 'FieldUnit', id })),
  );
  const missing = ids.filter((_id, i) => !found[i]);
  if (missing.length) throw badInput(`${field} refers to no field unit: ${missing.join(', ')}`, [{ field, message: 'no such field unit' }]);
  return found.map((unit) => ({ id: unit!.id, agencyId: unit!.agency.id }));
}

/**
 * The agency of each task template, by template code: the agency with the template's code when the
 * directory has it, otherwise the only agency of the template's kind at the nearest level at or above
 * the incident's unit (the local people's committee, say). Null where neither finds exactly one: the
 * center assigns those tasks itself.
 */
export async function agenciesForTemplates(
  ctx: CommandContext,
  templates: TaskTemplate[],
  unitId: string | null,
): Promise<Map<string, string | null>> {
  const codes = [...new Set(templates.map((t) => t.agencyCode).filter((code): code is string => Boolean(code)))];
  const found = await entities(ctx, [
    ...codes.map((code) => ({ __typename: 'Agency', code })),
    ...(unitId ? [{ __typename: 'AdministrativeUnit', id: unitId }] : []),
  ]);
  const byCode = new Map(codes.map((code, i) => [code, found[i]?.id ?? null]));
  const unit = unitId ? (found[codes.length] as UnitAgencies | null) : null;
  // Nearest first: the unit itself, its parent, … up to the root.
  const levels = unit ? [unit.agencies, ...unit.ancestors.map((a) => a.agencies).reverse()] : [];
  const nearest = (kind: string) => {
    for (const agencies of levels) {
      const ofKind = agencies.filter((agency) => agency.kind === kind);
      if (ofKind.length) return ofKind.length === 1 ? ofKind[0].id : null;
    }
    return null;
  };
  return new Map(templates.map((t) => [t.code, (t.agencyCode ? byCode.get(t.agencyCode) : null) ?? nearest(t.agencyKind)]));
}
