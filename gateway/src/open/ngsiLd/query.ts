import type { NgsiEntity } from './entity';
import { badRequestData } from './problems';

type Operator = '==' | '!=' | '>' | '<' | '>=' | '<=';
type Operand =
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; value: number };

/** One `attr op value` of a q expression. */
export interface Condition {
  attribute: string;
  operator: Operator;
  operand: Operand;
}

const MAX_Q_LENGTH = 1000;
const MAX_CONDITIONS = 20;
const TERM = /^([A-Za-z_][A-Za-z0-9_]{0,99})(==|!=|>=|<=|>|<)(.+)$/s;
const NUMBER = /^-?\d{1,15}(\.\d{1,15})?([eE][+-]?\d{1,3})?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const SUPPORTED =
  'q takes attr==value, !=, >, <, >= or <= joined by ";" (AND); values are numbers, "quoted text", true, false or DateTimes';

/** The terms of `q` split at the `;` outside quoted text. */
function splitTerms(q: string): string[] {
  const terms: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of q) {
    if (char === '"') quoted = !quoted;
    if (char === ';' && !quoted) {
      terms.push(current);
      current = '';
    } else current += char;
  }
  if (quoted) throw badRequestData(`q has an unclosed quote; ${SUPPORTED}`);
  return [...terms, current];
}

function operandOf(text: string, term: string): Operand {
  if (NUMBER.test(text)) return { kind: 'number', value: Number(text) };
  if (text === 'true' || text === 'false') return { kind: 'boolean', value: text === 'true' };
  const quoted = /^"([^"\\]*)"$/.exec(text);
  if (quoted) return { kind: 'text', value: quoted[1] };
  if (DATE_TIME.test(text) && !Number.isNaN(Date.parse(text))) return { kind: 'date', value: Date.parse(text) };
  throw badRequestData(`q term "${term}" has a value this API cannot read; ${SUPPORTED}`);
}

/**
 * Parses the subset of the NGSI-LD query language (ETSI GS CIM 009 §4.9) this API answers, strictly:
 * anything else (OR `|`, parentheses, attribute paths, patterns `~=`, ranges `..`, lists) is refused with
 * BadRequestData rather than read in a way the client did not mean.
 */
export function parseQ(q: string): Condition[] {
  if (q.length === 0 || q.length > MAX_Q_LENGTH) throw badRequestData(`q must be 1 to ${MAX_Q_LENGTH} characters`);
  const terms = splitTerms(q);
  if (terms.length > MAX_CONDITIONS) throw badRequestData(`q takes at most ${MAX_CONDITIONS} conditions`);
  return terms.map((term) => {
    const match = TERM.exec(term);
    if (!match) throw badRequestData(`q term "${term}" is not supported; ${SUPPORTED}`);
    const [, attribute, operator, text] = match;
    const operand = operandOf(text, term);
    if (operand.kind === 'boolean' && operator !== '==' && operator !== '!=') {
      throw badRequestData(`q term "${term}" compares true or false by order; use == or !=`);
    }
    return { attribute, operator: operator as Operator, operand };
  });
}

/** The entity attribute's value as q compares it; undefined when it has none of the operand's kind. */
function comparable(entity: NgsiEntity, condition: Condition): number | string | boolean | undefined {
  const attribute = entity.attributes[condition.attribute];
  if (!attribute || attribute.type !== 'Property') return undefined;
  const value = attribute.value;
  if (condition.operand.kind === 'date') {
    return typeof value === 'object' && '@value' in value && typeof value['@value'] === 'string' ? Date.parse(value['@value']) : undefined;
  }
  if (condition.operand.kind === 'number') return typeof value === 'number' ? value : undefined;
  if (condition.operand.kind === 'text') return typeof value === 'string' ? value : undefined;
  return typeof value === 'boolean' ? value : undefined;
}

/** Whether the entity meets every condition; an entity without the attribute meets none, `!=` included. */
export function matchesQ(entity: NgsiEntity, conditions: readonly Condition[]): boolean {
  return conditions.every((condition) => {
    const value = comparable(entity, condition);
    if (value === undefined) return false;
    const operand = condition.operand.value;
    switch (condition.operator) {
      case '==':
        return value === operand;
      case '!=':
        return value !== operand;
      case '>':
        return value > operand;
      case '<':
        return value < operand;
      case '>=':
        return value >= operand;
      case '<=':
        return value <= operand;
    }
  });
}
