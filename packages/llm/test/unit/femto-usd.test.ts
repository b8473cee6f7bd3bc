import { describe, expect, it } from 'vitest';
import { femtoToMicroUsdCeil, formatUsd, perThousandToPerToken, toFemtoUsd } from '../../src/money/femto-usd.js';

describe('femto-dollar money', () => {
  it('GIVEN snapshot per-token prices in exponent form THEN they convert exactly', () => {
    expect(toFemtoUsd(7.5e-8)).toBe(75_000_000n);
    expect(toFemtoUsd(1e-8)).toBe(10_000_000n);
    expect(toFemtoUsd(3.125e-6)).toBe(3_125_000_000n);
    expect(toFemtoUsd('0.000075000000')).toBe(75_000_000_000n);
  });

  it('GIVEN a per-1k price column THEN the per-token rate is exact', () => {
    expect(perThousandToPerToken('0.000075000000')).toBe(toFemtoUsd(7.5e-8));
    expect(perThousandToPerToken('0.003750000000')).toBe(toFemtoUsd(3.75e-6));
  });

  it('GIVEN an amount THEN it formats with rounding half up at the last decimal', () => {
    expect(formatUsd(14_500_000_000_000n)).toBe('0.0145000000');
    expect(formatUsd(50_000n)).toBe('0.0000000001');
    expect(formatUsd(49_999n)).toBe('0.0000000000');
    expect(formatUsd(1_234_500_000_000_000n, 2)).toBe('1.23');
    expect(formatUsd(75_000_000n * 1000n, 12)).toBe('0.000075000000');
  });

  it('GIVEN a cost THEN budget micro-dollars round up so spend is never under-counted', () => {
    expect(femtoToMicroUsdCeil(1n)).toBe(1);
    expect(femtoToMicroUsdCeil(1_000_000_000n)).toBe(1);
    expect(femtoToMicroUsdCeil(1_000_000_001n)).toBe(2);
    expect(femtoToMicroUsdCeil(0n)).toBe(0);
  });

  it('GIVEN garbage THEN conversion refuses it', () => {
    expect(() => toFemtoUsd('abc')).toThrow(RangeError);
    expect(() => toFemtoUsd(Number.NaN)).toThrow(RangeError);
  });
});
