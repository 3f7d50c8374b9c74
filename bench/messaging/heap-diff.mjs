// Compares two V8 heap snapshots of one process (ids are stable between them): what the objects that are
// in the second and not the first are, by type/constructor, and what holds them (their first retainer).
// Usage: node bench/messaging/heap-diff.mjs before.heapsnapshot after.heapsnapshot [per-count] [rows]
// `per-count` divides every figure (e.g. the sockets added between the two), giving bytes per socket.
import { readFileSync } from 'node:fs';

const [beforeFile, afterFile, perArg = '1', rowsArg = '40'] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
  console.error('usage: heap-diff.mjs before.heapsnapshot after.heapsnapshot [per-count] [rows]');
  process.exit(1);
}
const per = Number(perArg);
const rows = Number(rowsArg);

/** Reads a snapshot without JSON.parse on the whole file (large snapshots exceed V8's string limit). */
function load(file) {
  const buffer = readFileSync(file);
  const headerEnd = buffer.indexOf('"nodes":');
  const header = JSON.parse(`${buffer.subarray(0, headerEnd).toString().replace(/,\s*$/, '')}}`);
  const numbers = (key) => {
    const start = buffer.indexOf(`"${key}":`) + key.length + 3;
    const values = [];
    let value = 0;
    let inNumber = false;
    for (let i = buffer.indexOf('[', start - 1) + 1; ; i++) {
      const c = buffer[i];
      if (c >= 48 && c <= 57) {
        value = value * 10 + (c - 48);
        inNumber = true;
      } else {
        if (inNumber) values.push(value);
        value = 0;
        inNumber = false;
        if (c === 93) break; // ]
      }
    }
    return Float64Array.from(values);
  };
  const stringsStart = buffer.indexOf('"strings":');
  const stringsEnd = buffer.lastIndexOf(']');
  const strings = JSON.parse(buffer.subarray(buffer.indexOf('[', stringsStart), stringsEnd + 1).toString());
  const meta = header.snapshot.meta;
  return { meta, nodes: numbers('nodes'), edges: numbers('edges'), strings };
}

function describe(snapshot) {
  const { meta, nodes, edges, strings } = snapshot;
  const nf = meta.node_fields;
  const ef = meta.edge_fields;
  const width = nf.length;
  const field = (name) => nf.indexOf(name);
  const [TYPE, NAME, ID, SIZE, EDGES] = ['type', 'name', 'id', 'self_size', 'edge_count'].map(field);
  const [ETYPE, ENAME, ETO] = ['type', 'name_or_index', 'to_node'].map((n) => ef.indexOf(n));
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const count = nodes.length / width;
  const label = (n) => {
    const type = nodeTypes[nodes[n * width + TYPE]];
    const name = strings[nodes[n * width + NAME]];
    if (type === 'object' || type === 'closure' || type === 'native' || type === 'hidden' || type === 'synthetic')
      return `${type}:${name.slice(0, 60)}`;
    if (type === 'array') return `array:${name.slice(0, 40)}`;
    return type; // strings, numbers, code: their names are contents
  };
  return {
    meta,
    nodes,
    edges,
    strings,
    width,
    count,
    TYPE,
    NAME,
    ID,
    SIZE,
    EDGES,
    ETYPE,
    ENAME,
    ETO,
    nodeTypes,
    edgeTypes,
    label,
  };
}

const before = describe(load(beforeFile));
const after = describe(load(afterFile));
const oldIds = new Set();
for (let n = 0; n < before.count; n++) oldIds.add(before.nodes[n * before.width + before.ID]);

const isNew = new Uint8Array(after.count);
const byLabel = new Map();
let total = 0;
for (let n = 0; n < after.count; n++) {
  if (oldIds.has(after.nodes[n * after.width + after.ID])) continue;
  isNew[n] = 1;
  const size = after.nodes[n * after.width + after.SIZE];
  total += size;
  const key = after.label(n);
  const entry = byLabel.get(key) ?? { size: 0, count: 0 };
  entry.size += size;
  entry.count++;
  byLabel.set(key, entry);
}

// First strong retainer of each new node, named by the retainer's label and the edge.
const retainer = new Map();
const byRetainer = new Map();
let edgeIndex = 0;
const ew = after.meta.edge_fields.length;
for (let n = 0; n < after.count; n++) {
  const edgeCount = after.nodes[n * after.width + after.EDGES];
  for (let e = 0; e < edgeCount; e++, edgeIndex++) {
    const base = edgeIndex * ew;
    const type = after.edgeTypes[after.edges[base + after.ETYPE]];
    if (type === 'weak' || type === 'shortcut') continue;
    const to = after.edges[base + after.ETO] / after.width;
    if (!isNew[to] || retainer.has(to)) continue;
    const nameOrIndex = after.edges[base + after.ENAME];
    const edgeName = type === 'element' || type === 'hidden' ? `[${nameOrIndex}]` : after.strings[nameOrIndex];
    const owner = isNew[n] ? after.label(n) : `(old) ${after.label(n)}`;
    retainer.set(to, `${owner} .${String(edgeName).slice(0, 40)}`);
  }
}
for (const [node, owner] of retainer) {
  const key = `${owner}  →  ${after.label(node)}`;
  const entry = byRetainer.get(key) ?? { size: 0, count: 0 };
  entry.size += after.nodes[node * after.width + after.SIZE];
  entry.count++;
  byRetainer.set(key, entry);
}

const show = (title, map) => {
  console.log(`\n${title}`);
  console.log(`${'bytes'.padStart(10)} ${'count'.padStart(8)}  what`);
  for (const [key, { size, count }] of [...map].sort((a, b) => b[1].size - a[1].size).slice(0, rows))
    console.log(`${(size / per).toFixed(0).padStart(10)} ${(count / per).toFixed(2).padStart(8)}  ${key}`);
};
console.log(
  `new objects: ${(total / per / 1024).toFixed(2)} KiB${per !== 1 ? ` per unit (÷ ${per})` : ''}; ` +
    `heap ${(sum(before) / 2 ** 20).toFixed(1)} → ${(sum(after) / 2 ** 20).toFixed(1)} MiB`,
);
show('by type / constructor (self size)', byLabel);
show('by first retainer → object', byRetainer);

function sum(s) {
  let bytes = 0;
  for (let n = 0; n < s.count; n++) bytes += s.nodes[n * s.width + s.SIZE];
  return bytes;
}
