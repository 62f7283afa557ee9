// What a `node --cpu-prof` profile says, in a few lines: the packages and functions with the most self time.
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');

/** Where a process spent its CPU, from the newest profile in `dir`: the functions and packages with the most self time. */
function profileSummary(dir) {
  const file = readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => path.join(dir, name))
    .sort()
    .at(-1);
  if (!file) return `no .cpuprofile in ${dir}`;
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const self = new Map(profile.nodes.map((node) => [node.id, 0]));
  profile.samples.forEach((id, i) => self.set(id, self.get(id) + (profile.timeDeltas[i] ?? 0)));
  const byFunction = new Map();
  const byPackage = new Map();
  let total = 0;
  for (const node of profile.nodes) {
    const us = self.get(node.id);
    if (!us) continue;
    total += us;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${url.replace(/^file:\/\//, '').replace(`${path.resolve(__dirname, '..')}/`, '')}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    const pkg =
      /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
      (url.startsWith('node:') ? 'node internals' : url ? 'ioc-graph' : functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  }
  const top = (map, n) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([key, us]) => `    ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`)
      .join('\n');
  return `${file}\n  self time by package:\n${top(byPackage, 10)}\n  self time by function:\n${top(byFunction, 20)}`;
}

module.exports = { profileSummary };
