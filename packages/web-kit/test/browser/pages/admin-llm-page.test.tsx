import { describe, expect, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import { renderDashboard } from '../support/render-dashboard.js';
import { answer, apiError, developerSession, sent, signIn, type ModelPrice, type OkBody } from '../support/fake-api.js';

declare module 'vitest/browser' {
  interface BrowserCommands {
    clickAndDownload(selector: string): Promise<{ fileName: string; text: string }>;
  }
}

type Breakdown = OkBody<'/api/v1/llm/usage/breakdown', 'get'>;

const price = (overrides: Partial<ModelPrice> = {}): ModelPrice => ({
  provider: 'openai',
  model: 'gpt-5-mini',
  input_cost_per_1k_tokens: '0.00025',
  output_cost_per_1k_tokens: '0.002',
  cache_cost_per_1k_tokens: null,
  cache_write_cost_per_1k_tokens: null,
  image_cost_per_unit: null,
  audio_cost_per_minute: null,
  effective_from: '2026-01-01T00:00:00.000Z',
  source: 'defaults',
  ...overrides,
});

/** The usage routes: one day of two providers, a guild on top, and the breakdown split by what the page asks. */
function fakeUsage({ series = true, models = [price()] }: { series?: boolean; models?: ModelPrice[] } = {}) {
  answer('get', '/api/v1/llm/usage/summary', ({ url }) => ({
    from: url.searchParams.get('from')!,
    to: url.searchParams.get('to')!,
    granularity: 'day' as const,
    totals: { requests: 3, errors: 0, prompt_tokens: '2000', completion_tokens: '400', total_tokens: '2400', cost_usd: '0.0123' },
    by_model: [],
    by_period: [],
  }));
  answer('get', '/api/v1/llm/usage/breakdown', ({ url }): Breakdown => {
    const by = url.searchParams.get('by') as Breakdown['by'];
    return {
      from: url.searchParams.get('from')!,
      to: url.searchParams.get('to')!,
      granularity: url.searchParams.get('granularity') as Breakdown['granularity'],
      by,
      series: series
        ? [
            { period: '2026-12-04T00:00:00.000Z', key: by === 'provider' ? 'openai' : 'gpt-5-mini', requests: 2, total_tokens: '1500', cost_usd: '0.0100' },
            {
              period: '2026-12-04T00:00:00.000Z',
              key: by === 'provider' ? 'anthropic' : 'claude, "haiku"',
              requests: 1,
              total_tokens: '900',
              cost_usd: '0.0023',
            },
          ]
        : [],
      top: [],
      top_guilds: series ? [{ key: '300000000000000001', label: 'Demo', requests: 3, total_tokens: '2400', cost_usd: '0.0123' }] : [],
      unpriced_requests: series ? 1 : 0,
    };
  });
  answer('get', '/api/v1/llm/models', () => ({ models }));
}

describe('the LLM costs page (/admin/llm)', () => {
  it('GIVEN usage THEN totals, both charts and the top guilds show, for the range and split the page asked for', async () => {
    signIn(developerSession());
    fakeUsage();
    renderDashboard('/admin/llm');

    await expect.element(page.getByRole('heading', { level: 1, name: 'LLM costs' })).toBeVisible();
    await expect.element(page.getByText('0.0123').first()).toBeVisible();
    expect(document.querySelector('[data-metric="Requests"]')?.textContent).toBe('3');
    expect(document.querySelector('[data-metric="Unpriced requests"]')?.textContent).toBe('1');
    await expect.element(page.getByRole('row').filter({ hasText: 'Demo' })).toBeVisible();
    await expect.element(page.getByRole('figure', { name: 'Cost per day by provider' })).toBeVisible();
    await expect.element(page.getByRole('figure', { name: 'Tokens per day by provider' })).toBeVisible();
    const breakdown = sent.find((request) => request.path === '/api/v1/llm/usage/breakdown')!;
    const query = new URLSearchParams(breakdown.search);
    expect([query.get('granularity'), query.get('by')]).toEqual(['day', 'provider']);
    // Thirty whole days, ending at a midnight (UTC), so a refetch asks for the same range.
    expect(Date.parse(query.get('to')!) - Date.parse(query.get('from')!)).toBe(30 * 86_400_000);
    expect(Date.parse(query.get('to')!) % 86_400_000).toBe(0);
  });

  it('GIVEN the owner picks week and model THEN the breakdown is asked again for that split AND the export is named after it with the rows, quoted', async () => {
    signIn(developerSession());
    fakeUsage();
    renderDashboard('/admin/llm');
    await expect.element(page.getByRole('figure', { name: 'Cost per day by provider' })).toBeVisible();

    await userEvent.selectOptions(page.getByLabelText('Period'), 'week');
    await userEvent.selectOptions(page.getByLabelText('Split by'), 'model');
    await expect.element(page.getByRole('figure', { name: 'Cost per week by model' })).toBeVisible();
    const last = new URLSearchParams(sent.filter((request) => request.path === '/api/v1/llm/usage/breakdown').at(-1)!.search);
    expect([last.get('granularity'), last.get('by')]).toEqual(['week', 'model']);

    const file = await commands.clickAndDownload(page.getByRole('button', { name: 'Export CSV' }).selector);
    expect(file.fileName).toBe('llm-usage-model-week.csv');
    expect(file.text).toBe(
      [
        'period,model,requests,total_tokens,cost_usd',
        '2026-12-04T00:00:00.000Z,gpt-5-mini,2,1500,0.0100',
        '2026-12-04T00:00:00.000Z,"claude, ""haiku""",1,900,0.0023',
        '',
      ].join('\n'),
    );
  });

  it('GIVEN the developer edits a price and saves THEN the PUT names the model and carries both prices as decimal strings AND the models are read again', async () => {
    signIn(developerSession());
    fakeUsage({
      models: [price(), price({ provider: 'anthropic', model: 'claude-haiku-4-5', input_cost_per_1k_tokens: '0.001', output_cost_per_1k_tokens: '0.005' })],
    });
    const saved: unknown[] = [];
    answer('put', '/api/v1/llm/models/{provider}/{model}/pricing', ({ params, body }) => {
      saved.push({ params, body });
      return price({ ...body, effective_from: '2026-12-05T10:00:00.000Z', source: 'dashboard' });
    });
    renderDashboard('/admin/llm');

    await userEvent.click(page.getByText('Edit the prices of 2 models (USD per 1k tokens)'));
    await userEvent.fill(page.getByLabelText('Input price of openai/gpt-5-mini'), '0.0003');
    await userEvent.fill(page.getByLabelText('Output price of openai/gpt-5-mini'), '0.0024');
    const modelReads = () => sent.filter((request) => request.path === '/api/v1/llm/models').length;
    const readsBefore = modelReads();
    await userEvent.click(page.getByRole('row').filter({ hasText: 'openai/gpt-5-mini' }).getByRole('button', { name: 'Save' }));

    await expect
      .poll(() => saved)
      .toEqual([{ params: { provider: 'openai', model: 'gpt-5-mini' }, body: { input_cost_per_1k_tokens: '0.0003', output_cost_per_1k_tokens: '0.0024' } }]);
    await expect.poll(modelReads).toBeGreaterThan(readsBefore);
    expect(page.getByRole('alert').query()).toBeNull();
  });

  it('GIVEN the API refuses a price THEN "Not saved" shows its message in the row', async () => {
    signIn(developerSession());
    fakeUsage();
    answer('put', '/api/v1/llm/models/{provider}/{model}/pricing', () =>
      apiError(422, 'BL_ERR_API_VALIDATION', 'input_cost_per_1k_tokens: must be a decimal', {
        fields: [{ path: 'body.input_cost_per_1k_tokens', message: 'must be a decimal' }],
      }),
    );
    renderDashboard('/admin/llm');
    await userEvent.click(page.getByText(/Edit the prices of 1 models/));
    await userEvent.fill(page.getByLabelText('Input price of openai/gpt-5-mini'), 'cheap');
    await userEvent.click(page.getByRole('button', { name: 'Save' }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('Not savedinput_cost_per_1k_tokens: must be a decimal');
  });

  it('GIVEN no usage and no priced model THEN each section says so', async () => {
    signIn(developerSession());
    fakeUsage({ series: false, models: [] });
    renderDashboard('/admin/llm');
    await expect.element(page.getByText('No LLM requests in this range')).toBeVisible();
    await expect.element(page.getByText('No guild usage yet')).toBeVisible();
    await expect.element(page.getByText('No priced model yet')).toBeVisible();
  });
});
