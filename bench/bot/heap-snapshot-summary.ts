// Summary of a V8 .heapsnapshot: self and retained size per constructor, retained sizes from the dominator
// tree (weak edges ignored), and self size charged to the nearest dominating named object ("owner").
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

interface Row {
  count: number;
  self: number;
  retained: number;
}

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);

/** Reads `file` and returns a text report of the `top` constructors by retained size, self size and owned size. */
export function summarizeHeapSnapshot(file: string, top = 25): string {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const { meta } = data.snapshot;
  const nodeFieldCount = meta.node_fields.length;
  const edgeFieldCount = meta.edge_fields.length;
  const typeOffset = meta.node_fields.indexOf('type');
  const nameOffset = meta.node_fields.indexOf('name');
  const selfOffset = meta.node_fields.indexOf('self_size');
  const edgeCountOffset = meta.node_fields.indexOf('edge_count');
  const edgeTypeOffset = meta.edge_fields.indexOf('type');
  const edgeToOffset = meta.edge_fields.indexOf('to_node');
  const nodeTypes = meta.node_types[0];
  const weak = meta.edge_types[0].indexOf('weak');
  const nodeCount = data.nodes.length / nodeFieldCount;

  const label = (node: number) => {
    const type = nodeTypes[data.nodes[node * nodeFieldCount + typeOffset]!]!;
    const name = data.strings[data.nodes[node * nodeFieldCount + nameOffset]!]!;
    if (type === 'object' || type === 'closure' || type === 'native') return `${name}${type === 'closure' ? '()' : ''}`;
    if (type === 'hidden' || type === 'array' || type === 'code') return `(${type}) ${name.slice(0, 40)}`;
    return `(${type})`;
  };
  const isOwner = (node: number) => {
    const type = nodeTypes[data.nodes[node * nodeFieldCount + typeOffset]!]!;
    const name = data.strings[data.nodes[node * nodeFieldCount + nameOffset]!]!;
    return (type === 'object' && name !== 'Object' && name !== 'Array' && name !== 'system / Context') || type === 'closure';
  };

  // Forward edges as CSR; predecessors for the dominator computation.
  const firstEdge = new Uint32Array(nodeCount + 1);
  for (let node = 0; node < nodeCount; node += 1) {
    firstEdge[node + 1] = firstEdge[node]! + data.nodes[node * nodeFieldCount + edgeCountOffset]!;
  }
  const edgeTarget = (edge: number) => data.edges[edge * edgeFieldCount + edgeToOffset]! / nodeFieldCount;
  const edgeIsWeak = (edge: number) => data.edges[edge * edgeFieldCount + edgeTypeOffset] === weak;

  // Reverse postorder from the root (node 0), iterative DFS.
  const order = new Int32Array(nodeCount).fill(-1);
  const postorder: number[] = [];
  const stack: number[] = [0];
  const cursor = new Uint32Array(nodeCount);
  const visited = new Uint8Array(nodeCount);
  visited[0] = 1;
  while (stack.length > 0) {
    const node = stack[stack.length - 1]!;
    const edge = firstEdge[node]! + cursor[node]!;
    if (edge < firstEdge[node + 1]!) {
      cursor[node] = cursor[node]! + 1;
      if (edgeIsWeak(edge)) continue;
      const target = edgeTarget(edge);
      if (!visited[target]) {
        visited[target] = 1;
        stack.push(target);
      }
    } else {
      stack.pop();
      order[node] = postorder.length;
      postorder.push(node);
    }
  }
  const predecessors: number[][] = Array.from({ length: nodeCount }, () => []);
  for (let node = 0; node < nodeCount; node += 1) {
    if (!visited[node]) continue;
    for (let edge = firstEdge[node]!; edge < firstEdge[node + 1]!; edge += 1) {
      if (!edgeIsWeak(edge)) predecessors[edgeTarget(edge)]!.push(node);
    }
  }
  // Cooper, Harvey & Kennedy: iterate immediate dominators over reverse postorder until stable.
  const idom = new Int32Array(nodeCount).fill(-1);
  idom[0] = 0;
  const intersect = (a: number, b: number) => {
    while (a !== b) {
      while (order[a]! < order[b]!) a = idom[a]!;
      while (order[b]! < order[a]!) b = idom[b]!;
    }
    return a;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (let index = postorder.length - 2; index >= 0; index -= 1) {
      const node = postorder[index]!;
      let dominator = -1;
      for (const predecessor of predecessors[node]!) {
        if (idom[predecessor] === -1) continue;
        dominator = dominator === -1 ? predecessor : intersect(predecessor, dominator);
      }
      if (dominator !== -1 && idom[node] !== dominator) {
        idom[node] = dominator;
        changed = true;
      }
    }
  }
  const retained = new Float64Array(nodeCount);
  for (const node of postorder) retained[node] = retained[node]! + data.nodes[node * nodeFieldCount + selfOffset]!;
  for (const node of postorder) if (node !== 0) retained[idom[node]!] = retained[idom[node]!]! + retained[node]!;

  const byLabel = new Map<string, Row>();
  const owned = new Map<string, number>();
  let total = 0;
  for (const node of postorder) {
    const name = label(node);
    const row = byLabel.get(name) ?? { count: 0, self: 0, retained: 0 };
    const self = data.nodes[node * nodeFieldCount + selfOffset]!;
    row.count += 1;
    row.self += self;
    total += self;
    // Retained only for the outermost instance of a label, so nested instances are not counted twice.
    let ancestor = idom[node]!;
    let nested = false;
    while (ancestor !== 0) {
      if (label(ancestor) === name) {
        nested = true;
        break;
      }
      if (isOwner(ancestor)) break;
      ancestor = idom[ancestor]!;
    }
    if (!nested) row.retained += retained[node]!;
    byLabel.set(name, row);
    let owner = node;
    while (owner !== 0 && !isOwner(owner)) owner = idom[owner]!;
    const ownerName = owner === 0 ? '(root)' : label(owner);
    owned.set(ownerName, (owned.get(ownerName) ?? 0) + self);
  }
  const rows = [...byLabel.entries()];
  const lines = [`reachable: ${postorder.length} nodes, ${mib(total)} MiB`];
  lines.push(`\ntop ${top} by self size (count, self MiB, retained MiB)`);
  for (const [name, row] of rows.sort((a, b) => b[1].self - a[1].self).slice(0, top)) {
    lines.push(`  ${name.padEnd(50)} ${String(row.count).padStart(8)} ${mib(row.self).padStart(8)} ${mib(row.retained).padStart(8)}`);
  }
  lines.push(`\ntop ${top} owners (self size of everything a named object or closure dominates without a nearer owner, MiB)`);
  for (const [name, bytes] of [...owned.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    lines.push(`  ${name.padEnd(50)} ${mib(bytes).padStart(8)}  count ${byLabel.get(name)?.count ?? 0}`);
  }
  return lines.join('\n');
}
