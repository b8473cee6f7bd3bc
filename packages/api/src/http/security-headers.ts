import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify from 'fastify';

/** What the API's responses carry: a strict CSP (scripts and styles from the API only) and helmet's defaults. */
export const HELMET_OPTIONS: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      connectSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  crossOriginResourcePolicy: { policy: 'same-site' },
  // The same rule as CSP `frame-ancestors 'none'`, for browsers that only read X-Frame-Options.
  frameguard: { action: 'deny' },
};

/**
 * The security headers `@fastify/helmet` sets with {@link HELMET_OPTIONS}, computed once. The plugin rebuilds
 * helmet's middleware (CSP directives parsed again) on every request; with no nonces the headers never change,
 * so the API sets this fixed set instead and the plugin's own output stays the single source of them.
 */
export async function securityHeaders(): Promise<Readonly<Record<string, string>>> {
  const probe = Fastify({ logger: false });
  await probe.register(fastifyHelmet, HELMET_OPTIONS);
  probe.get('/', (_request, reply) => reply.send(''));
  try {
    const response = await probe.inject({ method: 'GET', url: '/' });
    const baseline = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);
    return Object.freeze(
      Object.fromEntries(Object.entries(response.headers).flatMap(([name, value]) => (baseline.has(name) || typeof value !== 'string' ? [] : [[name, value]]))),
    );
  } finally {
    await probe.close();
  }
}
