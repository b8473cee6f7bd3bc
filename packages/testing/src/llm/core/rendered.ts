/** One server-sent event; `event` is omitted for data-only streams (OpenAI chat, Gemini). */
export interface SseFrame {
  event?: string;
  data: string;
}

/** A response ready to write: a whole body, or an SSE stream of frames. */
export type Rendered =
  | { type: 'body'; status: number; headers: Record<string, string>; body: string | Uint8Array }
  | { type: 'sse'; headers: Record<string, string>; frames: SseFrame[] };

/** A JSON response. */
export function jsonBody(status: number, body: unknown, headers: Record<string, string> = {}): Rendered {
  return {
    type: 'body',
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

/** An SSE stream of JSON frames. */
export function sseStream(frames: SseFrame[], headers: Record<string, string> = {}): Rendered {
  return { type: 'sse', headers, frames };
}

/** A frame whose data is `value` serialized; with `event`, the frame carries an `event:` line. */
export function frame(value: unknown, event?: string): SseFrame {
  const data = JSON.stringify(value);
  return event === undefined ? { data } : { event, data };
}

/** The wire form of one frame. */
export function encodeFrame(f: SseFrame): string {
  return f.event === undefined ? `data: ${f.data}\n\n` : `event: ${f.event}\ndata: ${f.data}\n\n`;
}
