/**
 * All text in a request fragment, in order: strings under `text` and `content`, and bare strings in arrays.
 * Good enough to echo a prompt and to estimate its tokens for every provider's message shape.
 */
export function textOf(value: unknown): string {
  const parts: string[] = [];
  collect(value, parts);
  return parts.join('\n');
}

// Where prompt text lives across the providers' request shapes.
const TEXT_KEYS = ['system', 'systemInstruction', 'instructions', 'messages', 'contents', 'prompt', 'input', 'text', 'content', 'parts', 'output'];

function collect(value: unknown, parts: string[]): void {
  if (typeof value === 'string') {
    parts.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, parts);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of TEXT_KEYS) {
      if (key in record) collect(record[key], parts);
    }
  }
}
