// Checks that the files written by hand for deployment agree with subgraphs/registry.json: every
// subgraph's port in .env.example, its target in the Dockerfile, its service in docker-compose.yml
// (port, the URLs of its dependencies and nothing else, depends_on) and the gateway's route to it.
// Run by scripts/compose.js, so `npm test` (check:generated) fails when a subgraph is added to the
// registry but not to these files, or a port changes in one place only.
const fs = require('node:fs');
const path = require('node:path');

const upper = (name) => name.toUpperCase();

/** The lines of a block that starts at a line matching `start` and runs until a line matching `end`. */
function block(lines, start, end) {
  const from = lines.findIndex((line) => start.test(line));
  if (from < 0) return null;
  const to = lines.findIndex((line, i) => i > from && end.test(line));
  return lines.slice(from + 1, to < 0 ? lines.length : to).join('\n');
}

/**
 * The disagreements between the registry and .env.example, the Dockerfile and docker-compose.yml, one
 * sentence each; empty when they agree.
 * @param {string} root the repository root
 * @param {{ name: string, port: number, dependencies: string[] }[]} registry
 * @returns {string[]}
 */
function checkDeployment(root, registry) {
  const read = (file) => fs.readFileSync(path.join(root, file), 'utf8');
  const problems = [];
  const portOf = Object.fromEntries(registry.map((entry) => [entry.name, entry.port]));

  const env = read('.env.example').split('\n');
  for (const { name, port } of registry) {
    if (!env.includes(`${upper(name)}_PORT=${port}`))
      problems.push(`.env.example: expected ${upper(name)}_PORT=${port} (subgraphs/registry.json)`);
  }

  const dockerfile = read('Dockerfile');
  const dockerLines = dockerfile.split('\n');
  for (const { name, port } of registry) {
    if (!dockerfile.includes(`COPY subgraphs/${name}/package.json subgraphs/${name}/`))
      problems.push(`Dockerfile: copy subgraphs/${name}/package.json before npm ci`);
    const stage = block(dockerLines, new RegExp(`^FROM runtime AS ${name}$`), /^FROM /);
    if (stage === null) {
      problems.push(`Dockerfile: no target "${name}" (FROM runtime AS ${name})`);
      continue;
    }
    for (const expected of [
      `ENV PORT=${port}`,
      `EXPOSE ${port}`,
      `http://127.0.0.1:${port}/readyz`,
      `CMD ["node", "subgraphs/${name}/dist/src/index.js"]`,
    ]) {
      if (!stage.includes(expected)) problems.push(`Dockerfile, target ${name}: expected ${expected}`);
    }
  }

  const compose = read('docker-compose.yml').split('\n');
  const service = (name) => block(compose, new RegExp(`^  ${name}:$`), /^ {0,2}\S/);
  const urlLine = (name) => `${upper(name)}_URL: http://${name}:${portOf[name]}/graphql`;
  for (const { name, port, dependencies } of registry) {
    const text = service(name);
    if (text === null) {
      problems.push(`docker-compose.yml: no service "${name}"`);
      continue;
    }
    for (const expected of [`target: ${name}`, ...dependencies.map(urlLine)]) {
      if (!text.includes(expected)) problems.push(`docker-compose.yml, service ${name}: expected ${expected}`);
    }
    // Quoted either way: prettier writes YAML strings with single quotes.
    if (!new RegExp(`PORT: (['"])${port}\\1`).test(text)) problems.push(`docker-compose.yml, service ${name}: expected PORT: '${port}'`);
    for (const dependency of dependencies) {
      if (!new RegExp(`\\n {6}${dependency}:\\n`).test(`\n${text}\n`))
        problems.push(`docker-compose.yml, service ${name}: expected depends_on ${dependency}`);
    }
    for (const other of registry) {
      if (!dependencies.includes(other.name) && text.includes(`${upper(other.name)}_URL:`)) {
        problems.push(
          `docker-compose.yml, service ${name}: sets ${upper(other.name)}_URL, but ${other.name} is not among its dependencies in the registry`,
        );
      }
    }
  }
  const gateway = service('gateway');
  if (gateway === null) problems.push('docker-compose.yml: no service "gateway"');
  else {
    for (const { name, port } of registry) {
      if (!gateway.includes(`SUBGRAPH_${upper(name)}_URL: http://${name}:${port}/graphql`))
        problems.push(`docker-compose.yml, service gateway: expected SUBGRAPH_${upper(name)}_URL: http://${name}:${port}/graphql`);
      if (!new RegExp(`\\n {6}${name}:\\n`).test(`\n${gateway}\n`))
        problems.push(`docker-compose.yml, service gateway: expected depends_on ${name}`);
    }
  }
  return problems;
}

module.exports = { checkDeployment };
