// The deployment files follow subgraphs/registry.json without hand edits: docker-compose.yml's subgraph
// services and the gateway's routes to them, and the <NAME>_PORT lines of .env.example, are blocks between
// marker comments that this module writes from the registry; the Dockerfile names no subgraph at all (one
// `subgraph` target, chosen by --build-arg SUBGRAPH). scripts/compose.js writes the blocks (`npm run compose`)
// and, with --check (`npm test`), fails when one is stale, so adding a subgraph is its folder and one entry.
const fs = require('node:fs');
const path = require('node:path');

const upper = (name) => name.toUpperCase();
const DATABASE_URL = 'postgres://ioc:${POSTGRES_PASSWORD}@postgres:5432/ioc_graph';

/**
 * A string as a YAML scalar that prettier leaves as it is: plain when YAML reads it back as the same string
 * (compose values such as `${VAR:-default}` or URLs), else single-quoted.
 */
function yamlScalar(value) {
  const plain = /^[A-Za-z_$/][^\s#'"]*$/.test(value) && !value.endsWith(':') && !/^(y|n|yes|no|true|false|on|off|null)$/i.test(value);
  return plain ? value : `'${value.replaceAll("'", "''")}'`;
}

const healthy = (names, indent) => names.flatMap((name) => [`${indent}${name}:`, `${indent}  condition: service_healthy`]);

/** The docker-compose service of one subgraph: the common shape plus what its registry entry adds. */
function composeService({ name, port, dependencies, deployment }, portOf) {
  return [
    `  ${name}:`,
    '    build:',
    '      context: .',
    '      target: subgraph',
    '      args:',
    `        SUBGRAPH: ${yamlScalar(name)}`,
    '    environment:',
    `      <<: ${deployment.events ? '[*secrets, *events, *tracing]' : '[*secrets, *tracing]'}`,
    `      DATABASE_URL: ${DATABASE_URL}`,
    `      PORT: '${port}'`,
    '      LOG_LEVEL: ${LOG_LEVEL:-info}',
    ...dependencies.map((dependency) => `      ${upper(dependency)}_URL: http://${dependency}:${portOf[dependency]}/graphql`),
    ...Object.entries(deployment.environment).map(([variable, value]) => `      ${variable}: ${yamlScalar(value)}`),
    // Each subgraph opens DATABASE_URL itself, so it waits for PostgreSQL as well as for its dependencies.
    '    depends_on:',
    ...healthy(['postgres', ...dependencies], '      '),
    '    restart: unless-stopped',
  ];
}

/**
 * The generated blocks of each file: where the markers sit (indent), what they are called, and their lines.
 * @param {{ name: string, port: number, dependencies: string[], deployment: { events: boolean, environment: Record<string, string> } }[]} registry
 */
function generatedBlocks(registry) {
  const portOf = Object.fromEntries(registry.map((entry) => [entry.name, entry.port]));
  const names = registry.map((entry) => entry.name);
  return {
    'docker-compose.yml': [
      {
        what: 'gateway routes',
        indent: '',
        lines: [
          'x-subgraph-routes: &subgraph-routes',
          ...registry.map(({ name, port }) => `  SUBGRAPH_${upper(name)}_URL: http://${name}:${port}/graphql`),
          'x-subgraphs-healthy: &subgraphs-healthy',
          ...healthy(names, '  '),
        ],
      },
      {
        what: 'subgraphs',
        indent: '  ',
        lines: registry.flatMap((entry, i) => [...(i ? [''] : []), ...composeService(entry, portOf)]),
      },
    ],
    '.env.example': [
      { what: 'ports', indent: '', lines: registry.map(({ name, port }) => `${upper(name)}_PORT=${port}`) },
      {
        what: 'routes',
        indent: '',
        lines: registry.map(({ name, port }) => `# SUBGRAPH_${upper(name)}_URL=http://127.0.0.1:${port}/graphql`),
      },
    ],
  };
}

const begin = (what) => `# --- ${what}: generated from subgraphs/registry.json by npm run compose; do not edit ---`;
const end = (what) => `# --- end of generated ${what} ---`;

/** The text with one block's lines replaced, or a sentence saying why it cannot be. */
function replaceBlock(text, { what, indent, lines }) {
  const all = text.split('\n');
  const from = all.indexOf(indent + begin(what));
  const to = all.indexOf(indent + end(what));
  if (from < 0 || to < from) return { problem: `the markers of the generated ${what} are missing (${begin(what)} … ${end(what)})` };
  return { text: [...all.slice(0, from + 1), ...lines, ...all.slice(to)].join('\n') };
}

/**
 * Rewrites the generated blocks of docker-compose.yml and .env.example from the registry.
 * @param {string} root the repository root
 * @param {Parameters<typeof generatedBlocks>[0]} registry
 * @returns {string[]} the files it changed
 */
function writeDeployment(root, registry) {
  const written = [];
  for (const [file, blocks] of Object.entries(generatedBlocks(registry))) {
    const target = path.join(root, file);
    const current = fs.readFileSync(target, 'utf8');
    let text = current;
    for (const block of blocks) {
      const result = replaceBlock(text, block);
      if (result.problem) throw new Error(`${file}: ${result.problem}`);
      text = result.text;
    }
    if (text === current) continue;
    fs.writeFileSync(target, text);
    written.push(file);
  }
  return written;
}

/**
 * What is out of step with the registry, one sentence each, empty when nothing is: a generated block of
 * docker-compose.yml or .env.example that differs from what `npm run compose` writes, or a Dockerfile that
 * names a subgraph (it builds any of them through its `subgraph` target) or lacks that target.
 * @param {string} root the repository root
 * @param {Parameters<typeof generatedBlocks>[0]} registry
 * @returns {string[]}
 */
function checkDeployment(root, registry) {
  const read = (file) => fs.readFileSync(path.join(root, file), 'utf8');
  const problems = [];
  for (const [file, blocks] of Object.entries(generatedBlocks(registry))) {
    const current = read(file);
    for (const block of blocks) {
      const result = replaceBlock(current, block);
      if (result.problem) problems.push(`${file}: ${result.problem}`);
      else if (result.text !== current) problems.push(`${file}: the generated ${block.what} are stale: run npm run compose`);
    }
  }

  const dockerfile = read('Dockerfile');
  if (!/^FROM runtime AS subgraph$/m.test(dockerfile) || !/^ARG SUBGRAPH$/m.test(dockerfile))
    problems.push('Dockerfile: expected the generic target (FROM runtime AS subgraph, ARG SUBGRAPH)');
  for (const { name } of registry) {
    if (new RegExp(`^FROM .* AS ${name}$`, 'm').test(dockerfile) || dockerfile.includes(`subgraphs/${name}/`)) {
      problems.push(
        `Dockerfile: names the subgraph "${name}"; it must name none (docker build --target subgraph --build-arg SUBGRAPH=${name} .)`,
      );
    }
  }
  return problems;
}

module.exports = { checkDeployment, writeDeployment };
