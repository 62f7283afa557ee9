#!/usr/bin/env node
// Transpiles every workspace's TypeScript (src/, migrations/, seeds/) to <workspace>/dist with swc.
// swc emits decorator metadata (type-graphql and MikroORM need it) and takes about a second;
// type checking is `npm run typecheck`, kept apart so that `npm start` stays fast. A workspace with a
// vite.config.ts (the browser apps of console/) is built by Vite instead, into its dist/, and prints its
// bundle sizes; it takes a few seconds, so `npm start` always serves what the sources say.
const fs = require('node:fs');
const path = require('node:path');
const swc = require('@swc/core');

const root = path.resolve(__dirname, '..');
const swcrc = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;
const { spawnSync } = require('node:child_process');
const SOURCE_DIRS = ['src', 'migrations', 'seeds'];

function workspaces() {
  const { workspaces: patterns } = require(path.join(root, 'package.json'));
  return patterns
    .flatMap((pattern) => {
      if (!pattern.endsWith('/*')) return [path.join(root, pattern)];
      const parent = path.join(root, pattern.slice(0, -2));
      return fs.readdirSync(parent).map((name) => path.join(parent, name));
    })
    .filter((dir) => fs.existsSync(path.join(dir, 'package.json')));
}

function* typescriptFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* typescriptFiles(full);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('.test.ts')) yield full;
  }
}

async function buildWorkspace(dir) {
  const out = path.join(dir, 'dist');
  fs.rmSync(out, { recursive: true, force: true });
  const jobs = [];
  for (const sub of SOURCE_DIRS) {
    const from = path.join(dir, sub);
    if (!fs.existsSync(from)) continue;
    for (const file of typescriptFiles(from)) {
      const target = path.join(out, path.relative(dir, file)).replace(/\.ts$/, '.js');
      jobs.push(
        swc
          .transformFile(file, { ...swcrc, swcrc: false, filename: file, sourceFileName: path.relative(path.dirname(target), file) })
          .then(({ code, map }) => {
            fs.mkdirSync(path.dirname(target), { recursive: true });
            fs.writeFileSync(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
            if (map) fs.writeFileSync(`${target}.map`, map);
          }),
      );
    }
  }
  await Promise.all(jobs);
  return jobs.length;
}

/** Runs the workspace's Vite build; its output (bundle sizes) shows unless npm is silent. */
function buildWithVite(dir) {
  const vite = path.join(path.dirname(require.resolve('vite/package.json', { paths: [dir] })), 'bin', 'vite.js');
  const quiet = Boolean(process.env.npm_config_silent);
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', quiet ? 'warn' : 'info'], {
    cwd: dir,
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
  });
  if (result.status !== 0) throw new Error(`vite build failed in ${path.relative(root, dir)}`);
}

(async () => {
  let files = 0;
  for (const dir of workspaces()) {
    if (fs.existsSync(path.join(dir, 'vite.config.ts'))) buildWithVite(dir);
    else files += await buildWorkspace(dir);
  }
  if (!process.env.npm_config_silent) process.stderr.write(`built ${files} files\n`);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
