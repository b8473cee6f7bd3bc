// Measures what `llm.complete()` adds over calling the same SDK directly against the same emulator:
// latency per call (p50, p90) and CPU per call, in one run, interleaved in blocks so drift hits both sides.
// Usage rows go to a sink that takes 5 ms per batch, to show the write is not on the request path.
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import OpenAI from 'openai';
import { performance } from 'node:perf_hooks';
import { createLlmEmulators } from '@baseline/testing';
import { createLlmService, type LlmProvider, type UsageSink } from '../src/index.js';

const BLOCK = 25;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function measure(fn: () => Promise<unknown>, count: number, into: { latencies: number[]; cpuMicros: number }): Promise<void> {
  const cpu = process.cpuUsage();
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await fn();
    into.latencies.push(performance.now() - start);
  }
  const used = process.cpuUsage(cpu);
  into.cpuMicros += used.user + used.system;
}

/** Runs the benchmark for each provider and prints one table; `iterations` calls per side and provider. */
export async function runCompleteOverheadBenchmark(iterations = 400): Promise<void> {
  const emulators = await createLlmEmulators();
  let rows = 0;
  const slowSink: UsageSink = {
    async write(records) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      rows += records.length;
    },
  };
  const llm = await createLlmService({
    defaultProvider: 'openai',
    storage: { usageSink: slowSink },
    providers: {
      openai: { apiKey: emulators.openai.apiKey, baseUrl: emulators.openai.baseURL, defaultModel: 'gpt-5.4-mini' },
      anthropic: { apiKey: emulators.anthropic.apiKey, baseUrl: emulators.anthropic.baseURL, defaultModel: 'claude-sonnet-4-6' },
      gemini: { apiKey: emulators.gemini.apiKey, baseUrl: emulators.gemini.baseURL, apiVersion: 'v1beta', defaultModel: 'gemini-2.5-flash' },
    },
  });
  const openai = new OpenAI({ apiKey: emulators.openai.apiKey, baseURL: emulators.openai.baseURL, maxRetries: 0 });
  const anthropic = new Anthropic({ apiKey: emulators.anthropic.apiKey, baseURL: emulators.anthropic.baseURL, maxRetries: 0 });
  const gemini = new GoogleGenAI({ apiKey: emulators.gemini.apiKey, httpOptions: { baseUrl: emulators.gemini.baseURL, apiVersion: 'v1beta' } });
  const prompt = 'Say something short about Oslo.';

  const direct: Record<string, () => Promise<unknown>> = {
    openai: () =>
      openai.chat.completions.create({
        model: 'gpt-5.4-mini',
        messages: [
          { role: 'developer', content: 'Be brief.' },
          { role: 'user', content: prompt },
        ],
      }),
    anthropic: () =>
      anthropic.messages.create({
        model: 'claude-sonnet-4-6',
        max_tokens: 4096,
        system: 'Be brief.',
        messages: [{ role: 'user', content: [{ type: 'text', text: prompt }] }],
      }),
    gemini: () =>
      gemini.models.generateContent({
        model: 'gemini-2.5-flash',
        contents: [{ role: 'user', parts: [{ text: prompt }] }],
        config: { systemInstruction: 'Be brief.' },
      }),
  };

  console.log(`complete() vs the bare SDK, ${iterations} calls each, same emulator on 127.0.0.1, blocks of ${BLOCK}`);
  console.log('provider   | p50 sdk ms | p50 llm ms | p50 added ms | p90 added ms | cpu sdk µs | cpu llm µs | cpu added µs | cpu ratio');
  for (const provider of ['openai', 'anthropic', 'gemini'] as LlmProvider[]) {
    const viaSdk = direct[provider]!;
    const viaLlm = () => llm.complete({ provider, system: 'Be brief.', prompt, guildId: '1', userId: '2', cogName: 'bench' });
    for (let i = 0; i < 30; i++) {
      await viaSdk();
      await viaLlm();
    }
    const sdk = { latencies: [] as number[], cpuMicros: 0 };
    const ours = { latencies: [] as number[], cpuMicros: 0 };
    for (let done = 0; done < iterations; done += BLOCK) {
      await measure(viaSdk, BLOCK, sdk);
      await measure(viaLlm, BLOCK, ours);
    }
    const p50s = percentile(sdk.latencies, 50);
    const p50o = percentile(ours.latencies, 50);
    const p90s = percentile(sdk.latencies, 90);
    const p90o = percentile(ours.latencies, 90);
    const cpuS = sdk.cpuMicros / sdk.latencies.length;
    const cpuO = ours.cpuMicros / ours.latencies.length;
    console.log(
      [
        provider.padEnd(10),
        p50s.toFixed(3).padStart(10),
        p50o.toFixed(3).padStart(10),
        (p50o - p50s).toFixed(3).padStart(12),
        (p90o - p90s).toFixed(3).padStart(12),
        cpuS.toFixed(0).padStart(10),
        cpuO.toFixed(0).padStart(10),
        (cpuO - cpuS).toFixed(0).padStart(12),
        (cpuO / cpuS).toFixed(2).padStart(9),
      ].join(' | '),
    );
  }
  await llm.close();
  console.log(`usage rows written after close(): ${rows} (recorded off the request path through a 5 ms-per-batch sink)`);
  await emulators.close();
}
