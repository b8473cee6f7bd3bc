import { WebSocket } from 'ws';

export type Frame = { op: number; t: string | null; s: number | null; d: unknown };

/** A bare gateway client that records frames and the close code. */
export function connect(url: string) {
  const socket = new WebSocket(url);
  const frames: Frame[] = [];
  const waiters: (() => void)[] = [];
  let closeCode: number | null = null;
  socket.on('message', (data: Buffer, isBinary) => {
    if (!isBinary) frames.push(JSON.parse(data.toString()) as Frame);
    waiters.splice(0).forEach((wake) => wake());
  });
  socket.on('close', (code) => {
    closeCode = code;
    waiters.splice(0).forEach((wake) => wake());
  });
  const until = async <T>(check: () => T | undefined): Promise<T> => {
    for (;;) {
      const value = check();
      if (value !== undefined) return value;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return {
    socket,
    frames,
    send: (payload: unknown) => socket.send(JSON.stringify(payload)),
    frame: (predicate: (frame: Frame) => boolean) => until(() => frames.find(predicate)),
    closed: () => until(() => closeCode ?? undefined),
  };
}
