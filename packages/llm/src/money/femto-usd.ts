/**
 * Money inside the LLM service is an integer count of femto-dollars (1e-15 USD) held in a `bigint`.
 * Per-token prices in the snapshot go down to 1e-8 USD, and `llm_model_pricing` stores per-1k prices with
 * 12 decimals, which is exactly 1e-15 USD per token: every stored price converts without rounding, and
 * sums of tokens × prices stay exact. Only the final figure is rounded, to the 10 decimals of
 * `llm_usage.estimated_cost_usd`.
 */
export type FemtoUsd = bigint;

const SCALE_DIGITS = 15;

/**
 * Converts a USD amount written in decimal (a JS number's shortest form such as `7.5e-8`, or a numeric
 * string from PostgreSQL such as `"0.000075000000"`) to femto-dollars, exactly, scaled by `10^shift`.
 * Digits below the femto scale are rounded half up.
 *
 * @param value - a finite number or decimal string.
 * @param shift - decimal places to shift left first; `-3` turns a per-1k price into a per-token price.
 * @default shift 0
 */
export function toFemtoUsd(value: number | string, shift = 0): FemtoUsd {
  const text = typeof value === 'number' ? numberToDecimal(value) : value.trim();
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) throw new RangeError(`not a decimal amount: "${text}"`);
  const sign = match[1] === '-' ? -1n : 1n;
  const whole = match[2] ?? '';
  const fraction = match[3] ?? '';
  const exponent = Number(match[4] ?? '0') + shift;
  const digits = BigInt(`${whole}${fraction}` || '0');
  // value = digits × 10^(exponent − fraction.length); femto = value × 10^15.
  const power = exponent - fraction.length + SCALE_DIGITS;
  if (power >= 0) return sign * digits * 10n ** BigInt(power);
  const divisor = 10n ** BigInt(-power);
  return sign * ((digits + divisor / 2n) / divisor);
}

function numberToDecimal(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite amount: ${value}`);
  return String(value);
}

/**
 * Formats femto-dollars as a decimal USD string with `decimals` places, rounded half away from zero.
 *
 * @param decimals - places after the point; 10 matches `numeric(18,10)`, 12 matches `numeric(20,12)`.
 * @default decimals 10
 * @example formatUsd(14_500_000_000_000n) // "0.0145000000"
 */
export function formatUsd(amount: FemtoUsd, decimals = 10): string {
  const negative = amount < 0n;
  let magnitude = negative ? -amount : amount;
  const drop = SCALE_DIGITS - decimals;
  if (drop > 0) {
    const divisor = 10n ** BigInt(drop);
    magnitude = (magnitude + divisor / 2n) / divisor;
  } else if (drop < 0) {
    magnitude *= 10n ** BigInt(-drop);
  }
  const text = magnitude.toString().padStart(decimals + 1, '0');
  const whole = text.slice(0, text.length - decimals);
  const fraction = text.slice(text.length - decimals);
  return `${negative && magnitude !== 0n ? '-' : ''}${whole}${decimals > 0 ? `.${fraction}` : ''}`;
}

/** Femto-dollars from a per-1k-tokens price column (`numeric(20,12)` string) to a per-token rate. */
export function perThousandToPerToken(value: string | number): FemtoUsd {
  return toFemtoUsd(value, -3);
}

/** A whole number of micro-dollars (a budget counter) as a USD decimal string with 6 decimals: `1500` → `"0.001500"`. */
export function formatMicroUsd(micro: number): string {
  return formatUsd(BigInt(micro) * 1_000_000_000n, 6);
}

/** Micro-dollars (1e-6 USD) rounded up, for budget counters that must never under-count. */
export function femtoToMicroUsdCeil(amount: FemtoUsd): number {
  const micro = 1_000_000_000n;
  return Number(amount <= 0n ? 0n : (amount + micro - 1n) / micro);
}
