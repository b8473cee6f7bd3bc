import type { ServerResponse } from 'node:http';
import { encodeFrame, type Rendered, type SseFrame } from './rendered.js';

/** How to damage a rendered response on purpose. */
export type Damage = { kind: 'none' } | { kind: 'truncate'; afterEvents: number; cut: 'reset' | 'end'; tail?: SseFrame } | { kind: 'malformed'; body: string };

/** Writes a rendered response, applying truncation or malformation. */
export function writeResponse(res: ServerResponse, rendered: Rendered, damage: Damage = { kind: 'none' }, frameIntervalMs = 0): void {
  if (rendered.type === 'body') {
    writeBody(res, rendered, damage);
    return;
  }
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    ...rendered.headers,
  });
  let frames = rendered.frames;
  if (damage.kind === 'malformed') {
    const [first, ...rest] = frames;
    // Keep the event name so event-filtering SDKs (Anthropic) still read the broken frame.
    frames = first ? [{ ...first, data: damage.body }, ...rest] : [{ data: damage.body }];
  }
  if (damage.kind === 'truncate') {
    const kept = frames.slice(0, damage.afterEvents);
    if (damage.tail) {
      res.end([...kept, damage.tail].map(encodeFrame).join(''));
      return;
    }
    cut(res, kept.map(encodeFrame).join(''), damage.cut);
    return;
  }
  if (frameIntervalMs > 0) {
    writePaced(res, frames, frameIntervalMs);
    return;
  }
  res.end(frames.map(encodeFrame).join(''));
}

/** Writes one frame per interval; stops when the client goes away. */
function writePaced(res: ServerResponse, frames: readonly SseFrame[], intervalMs: number): void {
  let index = 0;
  let timer: NodeJS.Timeout | undefined;
  res.once('close', () => clearTimeout(timer));
  const next = (): void => {
    if (res.destroyed) return;
    if (index >= frames.length) {
      res.end();
      return;
    }
    res.write(encodeFrame(frames[index++]!));
    timer = setTimeout(next, intervalMs);
  };
  next();
}

function writeBody(res: ServerResponse, rendered: Extract<Rendered, { type: 'body' }>, damage: Damage): void {
  if (damage.kind === 'malformed') {
    res.writeHead(200, { ...rendered.headers, 'content-type': 'application/json' });
    res.end(damage.body);
    return;
  }
  if (damage.kind === 'truncate') {
    const body = typeof rendered.body === 'string' ? Buffer.from(rendered.body) : rendered.body;
    // Announce the full length so a clean end still reads as a short body.
    res.writeHead(rendered.status, { ...rendered.headers, 'content-length': String(body.length) });
    cut(res, body.subarray(0, Math.floor(body.length / 2)), damage.cut);
    return;
  }
  res.writeHead(rendered.status, rendered.headers);
  res.end(rendered.body);
}

function cut(res: ServerResponse, payload: string | Uint8Array, how: 'reset' | 'end'): void {
  if (how === 'end' && !res.hasHeader('content-length')) {
    res.end(payload);
    return;
  }
  // Destroy only once the bytes are flushed, so the client sees the partial data before the reset.
  res.write(payload, () => res.socket?.destroy());
}
