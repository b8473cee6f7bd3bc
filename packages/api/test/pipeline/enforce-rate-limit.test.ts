import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/errors/api-error.js';
import { enforceRateLimit } from '../../src/http/pipeline/enforce-rate-limit.js';

function recordingReply() {
  const sent: Record<string, string> = {};
  return { sent, reply: { headers: (values: Record<string, string>) => Object.assign(sent, values) } };
}

describe('enforceRateLimit', () => {
  it('GIVEN an uncounted request THEN nothing is set or refused', () => {
    const { sent, reply } = recordingReply();
    enforceRateLimit(reply, undefined);
    expect(sent).toEqual({});
  });

  it('GIVEN a request under its limit THEN the RateLimit headers report what is left', () => {
    const { sent, reply } = recordingReply();
    enforceRateLimit(reply, { limit: 10, remaining: 3, resetSeconds: 42, exceeded: false });
    expect(sent).toMatchObject({ 'ratelimit-limit': '10', 'ratelimit-remaining': '3', 'ratelimit-reset': '42' });
  });

  it('GIVEN a request over its limit THEN 429 BL_ERR_API_RATE_LIMITED is thrown', () => {
    const { reply } = recordingReply();
    let refused: unknown;
    try {
      enforceRateLimit(reply, { limit: 10, remaining: 0, resetSeconds: 5, exceeded: true });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: 'BL_ERR_API_RATE_LIMITED', status: 429 });
  });
});
