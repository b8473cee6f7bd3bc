import { describe, expect, it } from 'vitest';
import { classifyProviderError } from '../../src/resilience/classify-provider-error.js';
import { ProviderHolds } from '../../src/resilience/provider-holds.js';
import { readRetryAfterMs } from '../../src/resilience/retry-after.js';
import { DEFAULT_RETRY_POLICY, retryDelayMs } from '../../src/resilience/retry-policy.js';

describe('wait hints', () => {
  it('GIVEN retry-after-ms THEN it wins over retry-after', () => {
    expect(readRetryAfterMs(new Headers({ 'retry-after-ms': '250', 'retry-after': '3' }))).toBe(250);
  });
  it('GIVEN fractional retry-after seconds or an HTTP date THEN both are read', () => {
    expect(readRetryAfterMs(new Headers({ 'retry-after': '1.5' }))).toBe(1500);
    const now = Date.parse('2026-11-27T00:00:00Z');
    expect(readRetryAfterMs(new Headers({ 'retry-after': 'Fri, 27 Nov 2026 00:00:07 GMT' }), now)).toBe(7000);
  });
  it('GIVEN a Gemini RetryInfo in the error body THEN its delay is used', () => {
    const error = Object.assign(
      new Error(
        JSON.stringify({
          error: {
            code: 429,
            status: 'RESOURCE_EXHAUSTED',
            message: 'quota',
            details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '34s' }],
          },
        }),
      ),
      { name: 'ApiError', status: 429 },
    );
    const classified = classifyProviderError('gemini', 'gemini-2.5-flash', error);
    expect(classified).toMatchObject({ retryable: true, retryAfterMs: 34_000 });
    expect(classified.error.code).toBe('BL_ERR_LLM_RATE_LIMITED');
  });
  it('GIVEN a Gemini per-day quota THEN it is not retried but may fall back', () => {
    const error = Object.assign(
      new Error(
        JSON.stringify({
          error: {
            code: 429,
            status: 'RESOURCE_EXHAUSTED',
            message: 'quota',
            details: [{ violations: [{ quotaId: 'GenerateRequestsPerDayPerProjectPerModel' }] }],
          },
        }),
      ),
      { name: 'ApiError', status: 429 },
    );
    expect(classifyProviderError('gemini', 'm', error)).toMatchObject({ retryable: false, fallback: true });
  });
  it('GIVEN an Anthropic spend limit 429 THEN it is not retried', () => {
    const error = Object.assign(new Error('spend'), { status: 429, errorCode: 'enforced_spend_limit_reached', headers: new Headers({ 'retry-after': '1' }) });
    expect(classifyProviderError('anthropic', 'm', error)).toMatchObject({ retryable: false, fallback: true });
  });
});

describe('backoff', () => {
  it('GIVEN no hint THEN delays grow exponentially within the cap, with jitter in the upper half', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(retryDelayMs(policy, 0, undefined, () => 0)).toBe(50);
    expect(retryDelayMs(policy, 0, undefined, () => 1)).toBe(100);
    expect(retryDelayMs(policy, 3, undefined, () => 1)).toBe(800);
    expect(retryDelayMs(policy, 10, undefined, () => 1)).toBe(1000);
  });
  it('GIVEN a hint longer than the policy allows THEN no retry is scheduled', () => {
    expect(retryDelayMs({ ...DEFAULT_RETRY_POLICY, maxRetryAfterMs: 5000 }, 0, 6000)).toBeUndefined();
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 0, 2000, () => 0)).toBe(2000);
  });
});

describe('holds from wait hints', () => {
  it('GIVEN a hint THEN the provider/model is held for that long and then released', () => {
    let now = 1_000;
    const holds = new ProviderHolds(() => now);
    holds.hold('openai', 'gpt-4.1', 60_000);
    expect(holds.remainingMs('openai', 'gpt-4.1')).toBe(60_000);
    expect(holds.remainingMs('openai', 'gpt-4.1-mini')).toBe(0);
    expect(holds.remainingMs('anthropic', 'gpt-4.1')).toBe(0);
    now += 59_999;
    expect(holds.remainingMs('openai', 'gpt-4.1')).toBe(1);
    now += 1;
    expect(holds.remainingMs('openai', 'gpt-4.1')).toBe(0);
  });
  it('GIVEN a shorter hint while held THEN the later deadline is kept; a zero hint holds nothing', () => {
    const now = 0;
    const holds = new ProviderHolds(() => now);
    holds.hold('xai', 'grok-4', 5_000);
    holds.hold('xai', 'grok-4', 100);
    expect(holds.remainingMs('xai', 'grok-4')).toBe(5_000);
    holds.hold('gemini', 'gemini-2.5-flash', 0);
    expect(holds.remainingMs('gemini', 'gemini-2.5-flash')).toBe(0);
  });
});
