// Checks that the client-facing API schema documents itself: every type, field, argument, input field and
// enum value has a description, written in English. Frontend teams read the graph through these texts, so
// `npm run compose` (scripts/compose.js) refuses a schema where one is missing.
const {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
} = require('graphql');

// Letters that only Vietnamese uses among the languages written here (tones and đ, ă, â, ê, ô, ơ, ư).
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

/**
 * Whether a description reads as Vietnamese rather than English. Vietnamese is welcome in parentheses
 * ("Incident state (trạng thái vụ việc): …") and in quoted examples, so those parts are set aside; what
 * remains fails when more than a quarter of its words carry Vietnamese letters.
 */
function isMostlyVietnamese(description) {
  const outside = description.replace(/\([^()]*\)/g, ' ').replace(/“[^”]*”|"[^"]*"|«[^»]*»|`[^`]*`/g, ' ');
  const words = outside.split(/[\s,.;:/–—-]+/).filter((word) => /\p{L}/u.test(word));
  if (!words.length) return false;
  const vietnamese = words.filter((word) => VIETNAMESE.test(word)).length;
  return vietnamese / words.length > 0.25;
}

/**
 * Lists what the API schema leaves undocumented or documents only in Vietnamese, one line per schema
 * coordinate (`Incident.state`, `Query.incident(id:)`, `IncidentState.VERIFIED`), in schema order.
 * Built-in scalars and introspection types are not checked.
 * @param {string} sdl the printed API schema (schema/api.graphql)
 * @returns {{ missing: string[], notEnglish: string[] }}
 */
function findUndocumented(sdl) {
  const schema = buildSchema(sdl);
  const missing = [];
  const notEnglish = [];
  const check = (coordinate, description) => {
    if (!description || !description.trim()) missing.push(coordinate);
    else if (isMostlyVietnamese(description)) notEnglish.push(coordinate);
  };
  const types = Object.values(schema.getTypeMap()).filter((t) => !isIntrospectionType(t) && !isSpecifiedScalarType(t));
  for (const type of types.sort((a, b) => a.name.localeCompare(b.name))) {
    check(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name}:)`, arg.description);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.description);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
    }
  }
  return { missing, notEnglish };
}

/**
 * Prints the findings of {@link findUndocumented} to stderr; returns true when the schema is fully
 * documented in English.
 */
function reportUndocumented(sdl, log = console.error) {
  const { missing, notEnglish } = findUndocumented(sdl);
  if (missing.length) log(`schema/api.graphql: ${missing.length} without a description:\n  ${missing.join('\n  ')}`);
  if (notEnglish.length) {
    log(
      `schema/api.graphql: ${notEnglish.length} described only in Vietnamese (write English, Vietnamese in parentheses):\n  ${notEnglish.join('\n  ')}`,
    );
  }
  return !missing.length && !notEnglish.length;
}

module.exports = { findUndocumented, isMostlyVietnamese, reportUndocumented };

if (require.main === module) {
  // `node scripts/schemaDocs.js [schema/api.graphql]` checks a printed schema without composing it again.
  const file = process.argv[2] ?? require('node:path').resolve(__dirname, '../schema/api.graphql');
  process.exit(reportUndocumented(require('node:fs').readFileSync(file, 'utf8')) ? 0 : 1);
}
