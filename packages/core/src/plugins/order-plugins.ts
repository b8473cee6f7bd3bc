/** A plugin reduced to what ordering needs. */
export interface OrderNode {
  id: string;
  /** Ids that must come before this one (all present among the nodes). */
  after: readonly string[];
}

/** The outcome of {@link orderPlugins}. */
export interface OrderResult {
  /** Ids in dependency order; ties keep the input order. */
  ordered: string[];
  /** Each cycle found, as the ids along it (`a → b → a` is `['a', 'b']`). */
  cycles: string[][];
  /** Ids left out because they depend, directly or not, on a plugin in a cycle. */
  blocked: string[];
}

/**
 * Orders plugins so every plugin follows the ones it depends on. Plugins in dependency cycles, and those that
 * depend on them, cannot be ordered and are reported instead.
 */
export function orderPlugins(nodes: readonly OrderNode[]): OrderResult {
  const ordered: string[] = [];
  const placed = new Set<string>();
  let remaining = [...nodes];
  // Repeatedly take the first node whose dependencies are placed: stable, and plugins are few.
  for (;;) {
    const next = remaining.find((node) => node.after.every((id) => placed.has(id)));
    if (next === undefined) break;
    ordered.push(next.id);
    placed.add(next.id);
    remaining = remaining.filter((node) => node !== next);
  }

  const byId = new Map(remaining.map((node) => [node.id, node]));
  const cycles: string[][] = [];
  const inCycle = new Set<string>();
  for (const node of remaining) {
    if (inCycle.has(node.id)) continue;
    const path = findPathBack(node.id, byId);
    if (path === undefined) continue;
    cycles.push(path);
    for (const id of path) inCycle.add(id);
  }
  const blocked = remaining.map((node) => node.id).filter((id) => !inCycle.has(id));
  return { ordered, cycles, blocked };
}

/** A path of dependencies from `start` back to itself, if there is one. */
function findPathBack(start: string, byId: ReadonlyMap<string, OrderNode>): string[] | undefined {
  const visited = new Set<string>();
  const walk = (id: string, path: string[]): string[] | undefined => {
    for (const next of byId.get(id)?.after ?? []) {
      if (next === start) return path;
      if (visited.has(next) || !byId.has(next)) continue;
      visited.add(next);
      const found = walk(next, [...path, next]);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return walk(start, [start]);
}
