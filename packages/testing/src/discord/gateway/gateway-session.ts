import type { GatewayConnection } from './gateway-connection.js';

/**
 * One sent dispatch, kept for RESUME replay as its parts: `d` is usually held elsewhere too (an interaction's
 * record keeps its INTERACTION_CREATE), while the framed string is garbage once written, so it dies young
 * instead of being copied into the old generation for every dispatch.
 */
interface BufferedFrame {
  seq: number;
  type: string;
  d: string;
}

function frameOf(seq: number, type: string, d: string): string {
  return `{"op":0,"t":"${type}","s":${seq},"d":${d}}`;
}

/**
 * A gateway session: what IDENTIFY created and RESUME continues. It outlives its connection (events that
 * arrive while disconnected are buffered and replayed on RESUME) until it is invalidated or expires.
 */
export class GatewaySession {
  seq = 0;
  connection: GatewayConnection | null = null;
  /** When the last connection went away (for resume expiry), null while connected. */
  disconnectedAt: number | null = null;
  #buffer: BufferedFrame[] = [];
  #bufferStart = 0;

  constructor(
    readonly id: string,
    readonly shardId: number,
    readonly shardCount: number,
    readonly intents: number,
    readonly largeThreshold: number,
    readonly createdAt: number,
    private readonly bufferSize: number,
  ) {}

  /** Sends a dispatch (`d` already serialised) and buffers it for replay. */
  dispatch(type: string, d: string): void {
    const seq = ++this.seq;
    this.#buffer.push({ seq, type, d });
    if (this.#buffer.length - this.#bufferStart > this.bufferSize) this.#bufferStart++;
    if (this.#bufferStart > 1024 && this.#bufferStart * 2 > this.#buffer.length) {
      this.#buffer = this.#buffer.slice(this.#bufferStart);
      this.#bufferStart = 0;
    }
    this.connection?.send(frameOf(seq, type, d));
  }

  /** Drops buffered frames the client acknowledged through a heartbeat's sequence. */
  acknowledge(seq: number): void {
    while (this.#bufferStart < this.#buffer.length && this.#buffer[this.#bufferStart]!.seq <= seq) this.#bufferStart++;
  }

  /** Frames after `seq`, or null when some of them were already dropped (the session cannot resume). */
  framesAfter(seq: number): string[] | null {
    if (seq > this.seq) return null;
    if (seq === this.seq) return [];
    const first = this.#buffer[this.#bufferStart];
    if (!first || first.seq > seq + 1) return null;
    const frames: string[] = [];
    for (let index = this.#bufferStart; index < this.#buffer.length; index++) {
      const entry = this.#buffer[index]!;
      if (entry.seq > seq) frames.push(frameOf(entry.seq, entry.type, entry.d));
    }
    return frames;
  }
}
