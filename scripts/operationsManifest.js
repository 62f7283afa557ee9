#!/usr/bin/env node
// Writes schema/operations.json, the persisted-operation manifest of the project's own clients, from their
// .graphql files (part of `npm run generate`). With --check, writes nothing and fails when it is stale.
// The gateway reads it: with PERSISTED_OPERATIONS=safelist, callers without a staff token may run only
// these operations (gateway/src/persistedOperations). The format is Apollo's persisted query manifest, so
// that Apollo Client's persisted-query link and Apollo's own tooling read it as they would their own.
const fs = require('node:fs');
const path = require('node:path');
const { createHash } = require('node:crypto');
const { Kind, parse, print, visit } = require('graphql');

/** Where the clients' operations are: the examples, the open-data routes and the browser apps. */
const OPERATION_SOURCES = ['examples/**/*.graphql', 'gateway/open/operations/**/*.graphql', 'console/src/**/*.graphql'];
/** The manifest, relative to the repository's root (the gateway's PERSISTED_OPERATIONS_MANIFEST default). */
const MANIFEST = 'schema/operations.json';

const root = path.resolve(__dirname, '..');

/** The files under `root` matching a glob of `*` (within a folder) and `**` (any folders), sorted. */
function filesMatching(root, pattern) {
  const segments = pattern.split('/');
  const firstGlob = segments.findIndex((segment) => segment.includes('*'));
  const base = path.join(root, ...segments.slice(0, firstGlob < 0 ? segments.length : firstGlob));
  const last = segments.length - 1;
  const source = segments
    .map((segment, i) => {
      if (segment === '**') return i === last ? '.*' : '(?:[^/]+/)*';
      return segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*') + (i === last ? '' : '/');
    })
    .join('');
  const matcher = new RegExp(`^${source}$`);
  const found = [];
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (matcher.test(path.relative(root, full).split(path.sep).join('/'))) found.push(full);
    }
  };
  walk(base);
  return found.sort();
}

/** The fragments an operation spreads, followed through the fragments themselves. */
function fragmentsOf(definition, fragments, seen = new Set()) {
  visit(definition, {
    FragmentSpread(node) {
      const name = node.name.value;
      if (seen.has(name)) return;
      if (!fragments.has(name)) throw new Error(`fragment ${name} is spread but defined in no file of ${OPERATION_SOURCES.join(', ')}`);
      seen.add(name);
      fragmentsOf(fragments.get(name), fragments, seen);
    },
  });
  return [...seen].sort().map((name) => fragments.get(name));
}

/**
 * The manifest of every named operation in the source files: its body is the operation with the
 * fragments it uses, printed by graphql-js (what `print(document)` of a generated typed document sends),
 * its id the SHA-256 of that body, as Apollo's persisted queries hash it.
 */
function operationsManifest(repositoryRoot = root) {
  const files = OPERATION_SOURCES.flatMap((pattern) => filesMatching(repositoryRoot, pattern));
  const documents = files.map((file) => ({ file: path.relative(repositoryRoot, file), document: parse(fs.readFileSync(file, 'utf8')) }));
  const fragments = new Map();
  for (const { document } of documents)
    for (const definition of document.definitions)
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const operations = [];
  const names = new Map();
  for (const { file, document } of documents) {
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      const name = definition.name?.value;
      if (!name) throw new Error(`${file}: every operation of a client needs a name`);
      if (names.has(name)) throw new Error(`${file}: operation ${name} is also defined in ${names.get(name)}`);
      names.set(name, file);
      const body = print({ kind: Kind.DOCUMENT, definitions: [definition, ...fragmentsOf(definition, fragments)] });
      operations.push({ id: createHash('sha256').update(body).digest('hex'), name, type: definition.operation, body });
    }
  }
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}

/** The manifest as written to {@link MANIFEST}. */
const manifestText = (repositoryRoot = root) => `${JSON.stringify(operationsManifest(repositoryRoot), null, 2)}\n`;

function main() {
  const check = process.argv.includes('--check');
  const target = path.join(root, MANIFEST);
  const text = manifestText();
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
  if (current === text) return console.error(`${MANIFEST} is up to date`);
  if (check) {
    console.error(`Stale generated file (run npm run generate and commit): ${MANIFEST}`);
    process.exit(1);
  }
  fs.writeFileSync(target, text);
  console.error(`wrote ${MANIFEST}`);
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    console.error(error.message ?? error);
    process.exit(1);
  }
}

module.exports = { OPERATION_SOURCES, MANIFEST, operationsManifest, manifestText };
