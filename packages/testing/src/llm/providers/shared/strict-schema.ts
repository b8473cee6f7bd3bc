/**
 * The first rule a schema breaks under OpenAI strict mode (every property required, objects closed), or
 * undefined. Checked recursively through properties, items, anyOf and $defs.
 */
export function strictSchemaProblem(schema: unknown, context = '()'): string | undefined {
  if (schema === null || typeof schema !== 'object') return undefined;
  const node = schema as Record<string, unknown>;
  const properties = node.properties as Record<string, unknown> | undefined;
  if (properties && typeof properties === 'object') {
    const required = Array.isArray(node.required) ? (node.required as unknown[]) : undefined;
    const missing = Object.keys(properties).filter((key) => !required?.includes(key));
    if (missing.length > 0) {
      return `In context=${context}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing[0]}'.`;
    }
    if (node.additionalProperties !== false) {
      return `In context=${context}, 'additionalProperties' is required to be supplied and to be false.`;
    }
    for (const [key, value] of Object.entries(properties)) {
      const problem = strictSchemaProblem(value, `${context === '()' ? '(' : context.slice(0, -1) + ', '}'properties', '${key}')`);
      if (problem) return problem;
    }
  }
  const nested: unknown[] = [node.items, ...(Array.isArray(node.anyOf) ? node.anyOf : [])];
  if (node.$defs && typeof node.$defs === 'object') nested.push(...Object.values(node.$defs));
  for (const child of nested) {
    const problem = strictSchemaProblem(child, context);
    if (problem) return problem;
  }
  return undefined;
}
