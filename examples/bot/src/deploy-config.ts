import { defineConfigExtension } from '@baseline/core';
import { z } from 'zod';

/**
 * `TRUST_PROXY`: which proxies the API trusts for `X-Forwarded-*` (passed to `createApi`'s `http.trustProxy`), so
 * per-IP rate limits see the client behind the web server. `true` trusts any hop: right only when the API has
 * no published port and the proxy overwrites `X-Forwarded-For` (the compose and Kubernetes setups do both).
 * Otherwise list the proxies' addresses or CIDRs, comma-separated. Unset or `false`: trust nobody.
 */
export const deployConfig = defineConfigExtension(
  'deploy',
  {
    TRUST_PROXY: z
      .string()
      // An address has a dot or a colon: a bare number (Fastify's hop count) is refused rather than read as an address.
      .regex(/^(true|false|[0-9a-fA-F]*[.:][0-9a-fA-F.:]*(\/\d{1,3})?(,[0-9a-fA-F]*[.:][0-9a-fA-F.:]*(\/\d{1,3})?)*)$/)
      .optional(),
  },
  { expected: { TRUST_PROXY: 'true, false, or comma-separated proxy addresses or CIDRs such as 10.0.0.0/8' } },
);

/** `TRUST_PROXY` as Fastify's `trustProxy` value. */
export function trustProxyOption(value: string | undefined): boolean | string[] {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return value.split(',');
}
