import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** Encrypts small secrets (Discord tokens) for storage in the key-value store. */
export interface TokenCipher {
  /** `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
  encrypt(plaintext: string): string;
  /** The plaintext, or `undefined` when the value was tampered with or made with another key. */
  decrypt(sealed: string): string | undefined;
}

/**
 * AES-256-GCM with a key derived from `API_SECRET_KEY` by HKDF-SHA256 (so the raw secret is never used as a
 * cipher key, and other uses of the secret get independent keys).
 */
export function createTokenCipher(secretKey: string): TokenCipher {
  const key = Buffer.from(hkdfSync('sha256', secretKey, 'baseline-api', 'discord-tokens/v1', 32));
  return {
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
    },
    decrypt(sealed) {
      const [version, iv, tag, data] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || data === undefined) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        return undefined;
      }
    },
  };
}
