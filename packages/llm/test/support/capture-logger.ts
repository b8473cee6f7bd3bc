import type { LlmLogger } from '../../src/index.js';

/** A logger that keeps every line, for asserting what was logged (and the retry delays chosen). */
export function captureLogger(): LlmLogger & { lines: Array<{ level: string; message: string; fields: Record<string, unknown> }> } {
  const lines: Array<{ level: string; message: string; fields: Record<string, unknown> }> = [];
  const make = (bindings: Record<string, unknown>): LlmLogger => {
    const at = (level: string) => (fields: Record<string, unknown>, message: string) => lines.push({ level, message, fields: { ...bindings, ...fields } });
    return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: (more) => make({ ...bindings, ...more }) };
  };
  return Object.assign(make({}), { lines });
}
