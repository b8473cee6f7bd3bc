/** Provider-format ids (`chatcmpl-…`, `call_…`, `msg_…`, `toolu_…`, `req_…`), unique per emulator. */
export interface IdSource {
  next(prefix: string): string;
}

export function createIdSource(): IdSource {
  let counter = 0;
  const stamp = Date.now().toString(36);
  return {
    next(prefix) {
      counter += 1;
      return `${prefix}emu${stamp}${counter.toString(36).padStart(4, '0')}`;
    },
  };
}
