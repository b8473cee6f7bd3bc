import type { Duplex } from 'node:stream';
import type { FrameCoalescer } from './frame-coalescer.js';
import { constants, createDeflate, deflateSync, type Deflate } from 'node:zlib';
import type { WebSocket } from 'ws';
import type { GatewaySession } from './gateway-session.js';

/**
 * One WebSocket of the gateway: framing (plain text, zlib-stream or per-payload identify compression),
 * inbound rate limit, heartbeat deadline, and the session it is attached to once IDENTIFY/RESUME succeeded.
 * Frames go through the server's {@link FrameCoalescer}, so those of one event-loop turn leave in one write.
 */
export class GatewayConnection {
  session: GatewaySession | null = null;
  /** Set by IDENTIFY's `compress: true`: every payload is deflated on its own and sent as binary. */
  identifyCompress = false;
  closed = false;
  #deflate: Deflate | null = null;
  #chunks: Buffer[] = [];
  #windowStart = Date.now();
  #received = 0;
  #heartbeatTimer: NodeJS.Timeout;

  /**
   * @param socket - the WebSocket.
   * @param transport - the upgraded TCP socket under `socket`, corked while a turn's frames accumulate.
   * @param coalescer - batches frames per event-loop turn.
   */
  constructor(
    readonly socket: WebSocket,
    private readonly transport: Duplex,
    private readonly coalescer: FrameCoalescer,
    zlibStream: boolean,
    heartbeatTimeoutMs: number,
  ) {
    if (zlibStream) {
      this.#deflate = createDeflate({ chunkSize: 65_535 });
      this.#deflate.on('data', (chunk: Buffer) => this.#chunks.push(chunk));
    }
    this.#heartbeatTimer = setTimeout(() => this.close(4009, 'Session timed out'), heartbeatTimeoutMs);
    this.#heartbeatTimer.unref();
  }

  /** Sends one serialised payload. */
  send(frame: string): void {
    if (this.closed) return;
    this.coalescer.hold(this.transport);
    if (this.#deflate) {
      const deflate = this.#deflate;
      deflate.write(frame);
      deflate.flush(constants.Z_SYNC_FLUSH, () => {
        const out = Buffer.concat(this.#chunks);
        this.#chunks = [];
        if (!this.closed && out.length > 0) this.socket.send(out, { binary: true });
      });
      return;
    }
    if (this.identifyCompress) this.socket.send(deflateSync(frame), { binary: true });
    else this.socket.send(frame);
  }

  /** Counts one inbound payload; false once more than 120 arrived within 60 s (Discord closes with 4008). */
  countInbound(): boolean {
    const now = Date.now();
    if (now - this.#windowStart >= 60_000) {
      this.#windowStart = now;
      this.#received = 0;
    }
    return ++this.#received <= 120;
  }

  /** Restarts the heartbeat deadline. */
  heartbeatReceived(): void {
    this.#heartbeatTimer.refresh();
  }

  /** Closes with a gateway close code. */
  close(code: number, reason = ''): void {
    if (this.closed) return;
    this.dispose();
    this.socket.close(code, reason);
  }

  /** Drops the TCP connection without a close frame. */
  terminate(): void {
    if (this.closed) return;
    this.dispose();
    this.socket.terminate();
  }

  /** Releases timers and the deflate stream (also called when the peer closed). */
  dispose(): void {
    this.closed = true;
    clearTimeout(this.#heartbeatTimer);
    this.#deflate?.close();
    this.#deflate = null;
  }
}
