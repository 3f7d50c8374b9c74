// `node bench/http/profile-summary.mjs <file.cpuprofile> [top] [last seconds]`: where a V8 CPU profile (node
// --cpu-prof) spends its time: self time by package (the app's own bundle counts as `app`), the heaviest functions
// and inclusive time. `last seconds` keeps only the end of the profile (the measured round, not the boot).
// Used for the "where the time goes" notes in bench/README.md.
import { readFileSync } from 'node:fs';

const [file, topArg = '30', lastArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/http/profile-summary.mjs <file.cpuprofile> [top]');
  process.exit(1);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

// Self time per node from the samples and their time deltas (µs).
const self = new Map();
const since = lastArg ? profile.endTime - Number(lastArg) * 1e6 : -Infinity;
let at = profile.startTime;
profile.samples.forEach((id, i) => {
  at += profile.timeDeltas[i] ?? 0;
  if (at >= since) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...self.values()].reduce((sum, t) => sum + t, 0);
const idleIds = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
const idle = [...idleIds].reduce((sum, id) => sum + (self.get(id) ?? 0), 0);
const busy = total - idle;

function packageOf({ url, functionName }) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node: internals';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1];
  if (url.includes('dist/apps/')) return 'app (dist bundle)';
  return url;
}

const byPackage = new Map();
const byFunction = new Map();
for (const [id, time] of self) {
  if (idleIds.has(id)) continue;
  const frame = nodes.get(id).callFrame;
  const pkg = packageOf(frame);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + time);
  const key = `${frame.functionName || '(anonymous)'}  ${pkg}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + time);
}

// Inclusive time of named frames: a sample counts once per name even when the name recurs up the stack.
const inclusive = new Map();
for (const [id, time] of self) {
  if (idleIds.has(id)) continue;
  const seen = new Set();
  for (let at = id; at !== undefined; at = parents.get(at)) {
    const frame = nodes.get(at).callFrame;
    const key = `${frame.functionName || '(anonymous)'}  ${packageOf(frame)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + time);
  }
}

const ms = (us) => (us / 1000).toFixed(0).padStart(7);
const share = (us) => `${((us / busy) * 100).toFixed(1).padStart(5)}%`;
const top = (map, n) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);

console.log(
  `profile ${file}${lastArg ? ` (last ${lastArg} s)` : ''}: ${ms(total)} ms sampled, ${ms(busy)} ms busy (not idle)\n`,
);
console.log('self time by package (share of busy time):');
for (const [name, time] of top(byPackage, 25)) console.log(`  ${share(time)} ${ms(time)} ms  ${name}`);
console.log(`\nheaviest functions, self time (top ${topArg}):`);
for (const [name, time] of top(byFunction, Number(topArg))) console.log(`  ${share(time)} ${ms(time)} ms  ${name}`);
console.log(`\ninclusive time (top ${topArg}):`);
for (const [name, time] of top(inclusive, Number(topArg))) console.log(`  ${share(time)} ${ms(time)} ms  ${name}`);
