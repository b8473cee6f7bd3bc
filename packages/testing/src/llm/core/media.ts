/** A valid 1×1 transparent PNG, the default generated image. */
export const ONE_PIXEL_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** Deterministic stand-in audio: `length` bytes derived from the text, starting with an MP3 frame sync. */
export function fakeAudio(text: string, length = Math.max(64, text.length * 16)): Uint8Array {
  const bytes = new Uint8Array(length);
  bytes[0] = 0xff;
  bytes[1] = 0xfb;
  for (let i = 2; i < length; i += 1) bytes[i] = text.charCodeAt(i % Math.max(1, text.length)) & 0xff;
  return bytes;
}

/** Content type of an audio `response_format` / codec name. */
export function audioContentType(format: string | undefined): string {
  switch (format) {
    case 'wav':
      return 'audio/wav';
    case 'opus':
      return 'audio/opus';
    case 'aac':
      return 'audio/aac';
    case 'flac':
      return 'audio/flac';
    case 'pcm':
      return 'audio/pcm';
    case 'mulaw':
      return 'audio/basic';
    case 'alaw':
      return 'audio/x-alaw-basic';
    default:
      return 'audio/mpeg';
  }
}

/** Files the emulator serves under `/_emulator/files/<id>` (image URLs). */
export interface FileStore {
  put(bytes: Uint8Array, contentType: string, extension: string): string;
  get(name: string): { bytes: Uint8Array; contentType: string } | undefined;
  clear(): void;
}

export function createFileStore(origin: () => string): FileStore {
  const files = new Map<string, { bytes: Uint8Array; contentType: string }>();
  return {
    put(bytes, contentType, extension) {
      const name = `file-${files.size + 1}.${extension}`;
      files.set(name, { bytes, contentType });
      return `${origin()}/_emulator/files/${name}`;
    },
    get: (name) => files.get(name),
    clear: () => files.clear(),
  };
}
