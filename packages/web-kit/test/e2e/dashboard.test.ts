import { join } from 'node:path';
import { createLlmService, DEFAULT_MODELS } from '@baseline/llm';
import { createLlmEmulator, llmReply } from '@baseline/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_OUTPUT_DIR } from '../support/build-dashboard.js';
import { launchChromium, logIn, recordApiRequests, screenshot, seriousViolations } from '../support/browser.js';
import { createDashboardStack, type DashboardStack } from '../support/dashboard-stack.js';

const SCREENSHOTS = join(TEST_OUTPUT_DIR, 'screenshots');
const MAX_REQUESTS_PER_PAGE = 3;

describe('the dashboard in Chromium against the real API, bot, emulator, PostgreSQL and Redis', { timeout: 90_000 }, () => {
  let stack: DashboardStack;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const newContext = async (options: Parameters<Browser['newContext']>[0] = {}) => {
    const context = await browser.newContext(options);
    // A missing element fails with the locator in the message, well before the test's own timeout.
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    return context;
  };
  /** Opens a page through the sidebar and returns the API requests its render made. */
  const openFromSidebar = async (page: Page, requests: ReturnType<typeof recordApiRequests>, link: string, heading: string) => {
    requests.reset();
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: link, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.waitForLoadState('networkidle');
    return [...requests.list];
  };

  beforeAll(async () => {
    stack = await createDashboardStack(TEST_OUTPUT_DIR);
    chromium = await launchChromium();
    browser = chromium.browser;
  }, 180_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await chromium?.close();
    await stack?.close();
  });

  it('GIVEN the production build THEN the reference plugin has its own chunks AND no web entry was reported broken', () => {
    const names = stack.built.chunks.map((chunk) => chunk.fileName);
    expect(names.some((name) => /waves-page/.test(name))).toBe(true);
    expect(stack.built.warnings.filter((warning) => warning.includes('BL_ERR_'))).toEqual([]);
  });

  it('GIVEN the owner THEN login through the emulator, the guild, settings: the new greeting reaches /hello; an invalid one shows the API error and stores nothing', async () => {
    const context = await newContext();
    const page = await logIn(context, stack.url, stack.userIds.owner);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, SCREENSHOTS, '01-guilds');
    const requests = recordApiRequests(page);

    await page.getByRole('link', { name: /Demo/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Demo' }).waitFor();
    await page.getByText('Presence:').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, SCREENSHOTS, '02-overview');

    const settingsRequests = await openFromSidebar(page, requests, 'Settings', 'Settings');
    expect(settingsRequests.length, settingsRequests.join(', ')).toBeLessThanOrEqual(MAX_REQUESTS_PER_PAGE);
    const greeting = page.locator('#settings-reference_greeting');
    await greeting.fill('Ahoy from the dashboard');
    await page.getByRole('button', { name: /^Save Reference plugin/ }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, SCREENSHOTS, '03-settings');

    const reply = await stack.emulator.invokeSlashCommand({ guildId: stack.guilds.demo, userId: 'alice', name: 'hello' }).reply();
    expect(reply.content).toBe('Ahoy from the dashboard, alice!');

    // The browser accepts this value (the rule has no JSON-Schema form); the API refuses it with a field path.
    await greeting.fill('Hi @everyone');
    await page.getByRole('button', { name: /^Save Reference plugin/ }).click();
    await page.getByText('must not mention @everyone or @here').waitFor();
    await screenshot(page, SCREENSHOTS, '04-settings-invalid');
    expect(await stack.bot.services.settings.get(stack.guilds.demo, 'reference')).toMatchObject({ greeting: 'Ahoy from the dashboard' });
  });

  it('GIVEN two tabs on the same settings THEN the second save is refused with who changed them AND its edits stay on screen', async () => {
    const context = await newContext();
    const first = await logIn(context, stack.url, stack.userIds.owner);
    const second = await context.newPage();
    for (const page of [first, second]) {
      await page.goto(`${stack.url}/guilds/${stack.guilds.demo}/settings`);
      await page.locator('#settings-reference_greeting').waitFor();
    }
    await first.locator('#settings-reference_greeting').fill('First tab wins');
    await first.getByRole('button', { name: /^Save Reference plugin/ }).click();
    await first.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    await second.locator('#settings-reference_greeting').fill('Second tab loses');
    await second.getByRole('button', { name: /^Save Reference plugin/ }).click();
    await second
      .getByRole('alert')
      .filter({ hasText: /Changed by owner/i })
      .waitFor();
    await screenshot(second, SCREENSHOTS, '05-settings-conflict');
    expect(await second.locator('#settings-reference_greeting').inputValue()).toBe('Second tab loses');
    expect(await stack.bot.services.settings.get(stack.guilds.demo, 'reference')).toMatchObject({ greeting: 'First tab wins' });
  });

  it('GIVEN the owner grants alice THEN alice sees the guild, bob does not, revoking alice holds on her next request, and the audit log lists both', async () => {
    const owner = await logIn(await newContext(), stack.url, stack.userIds.owner);
    const requests = recordApiRequests(owner);
    await owner.goto(`${stack.url}/guilds/${stack.guilds.demo}`);
    await owner.getByText('Presence:').waitFor();
    await owner.waitForLoadState('networkidle');
    const accessRequests = await openFromSidebar(owner, requests, 'Access', 'Access');
    expect(accessRequests.length, accessRequests.join(', ')).toBeLessThanOrEqual(MAX_REQUESTS_PER_PAGE);
    // The list renders after its query resolves, which may be after the network is idle: wait, then count.
    await owner.getByText('not revocable').first().waitFor();
    await expect(owner.getByText('not revocable').count()).resolves.toBe(1);
    await owner.getByLabel('Grant access to a member').fill('ali');
    await owner.getByRole('button', { name: 'Grant alice' }).click();
    await owner.getByRole('button', { name: 'Revoke Alice' }).waitFor();

    const alice = await logIn(await newContext(), stack.url, stack.userIds.alice);
    await alice.getByRole('link', { name: /Demo/ }).waitFor();
    const bob = await logIn(await newContext(), stack.url, stack.userIds.bob);
    await bob.getByText('No guild yet').waitFor();
    await bob.goto(`${stack.url}/guilds/${stack.guilds.demo}/settings`);
    await bob.getByRole('heading', { name: 'No access' }).waitFor();
    expect(await seriousViolations(bob)).toEqual([]);
    await screenshot(bob, SCREENSHOTS, '06-no-access');

    await alice.getByRole('link', { name: /Demo/ }).click();
    await alice.getByRole('heading', { level: 1, name: 'Demo' }).waitFor();
    await owner.getByRole('button', { name: 'Revoke Alice' }).click();
    await owner.locator('[data-action="access.revoke"]').waitFor();
    await owner.locator('[data-action="access.grant"]').waitFor();
    expect(await seriousViolations(owner)).toEqual([]);
    await screenshot(owner, SCREENSHOTS, '07-access');

    // Her next request (the guild's settings) is refused at once: no waiting for a cache to expire.
    await alice.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Settings', exact: true }).click();
    await alice.getByRole('heading', { name: 'No access' }).waitFor();
  });

  it('GIVEN LLM requests were made THEN the developer team sees shards and LLM charts AND a guild admin gets "no access" there', async () => {
    const openai = await createLlmEmulator({ provider: 'openai' });
    try {
      const llm = await createLlmService({
        defaultProvider: 'openai',
        providers: { openai: { apiKey: openai.apiKey, baseUrl: openai.baseURL, defaultModel: DEFAULT_MODELS.openai } },
        storage: { db: stack.bot.services.db },
      });
      openai.enqueue(llmReply.text('one', { usage: { input: 1200, output: 300 } }), llmReply.text('two', { usage: { input: 800, output: 100 } }));
      await llm.complete({ prompt: 'hello', guildId: stack.guilds.demo, cogName: 'reference' });
      await llm.complete({ prompt: 'again', guildId: stack.guilds.demo, cogName: 'reference' });
      await llm.close();
    } finally {
      await openai.close();
    }

    const dev = await logIn(await newContext({ viewport: { width: 1280, height: 900 } }), stack.url, stack.userIds.dev);
    const requests = recordApiRequests(dev);
    const shardRequests = await openFromSidebar(dev, requests, 'Shards', 'Shards');
    expect(shardRequests.length, shardRequests.join(', ')).toBeLessThanOrEqual(MAX_REQUESTS_PER_PAGE);
    await dev.locator('tbody tr').first().waitFor();
    expect(await seriousViolations(dev)).toEqual([]);
    await screenshot(dev, SCREENSHOTS, '08-admin-shards');

    const llmRequests = await openFromSidebar(dev, requests, 'LLM costs', 'LLM costs');
    expect(llmRequests.length, llmRequests.join(', ')).toBeLessThanOrEqual(MAX_REQUESTS_PER_PAGE);
    await dev.locator('[data-metric="Requests"]').filter({ hasText: '2' }).waitFor();
    await dev.locator('figure .recharts-surface').first().waitFor();
    expect(await dev.locator('figure .recharts-bar-rectangle').count()).toBeGreaterThan(0);
    expect(await seriousViolations(dev)).toEqual([]);
    await screenshot(dev, SCREENSHOTS, '09-admin-llm');

    const owner = await logIn(await newContext(), stack.url, stack.userIds.owner);
    for (const path of ['/admin/shards', '/admin/llm']) {
      await owner.goto(`${stack.url}${path}`);
      await owner.getByRole('heading', { name: 'No access' }).waitFor();
    }
  });

  it("GIVEN the plugin's page THEN its chunk is fetched only when the page opens AND it lists waves through the plugin route, in both themes", async () => {
    const context = await newContext({ viewport: { width: 375, height: 812 } });
    const page = await logIn(context, stack.url, stack.userIds.owner);
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    const requests = recordApiRequests(page);
    await page.getByRole('link', { name: /Demo/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Demo' }).waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, SCREENSHOTS, '10-overview-375px');
    expect(scripts.filter((path) => path.includes('waves-page'))).toEqual([]);

    const pageRequests = await openFromSidebar(page, requests, 'Waves', 'Waves');
    expect(scripts.filter((path) => path.includes('waves-page'))).toHaveLength(1);
    expect(pageRequests).toEqual([`GET /api/v1/plugins/reference/guilds/${stack.guilds.demo}/waves`]);
    await page.getByText('Nobody waved yet').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, SCREENSHOTS, '11-plugin-waves-375px');

    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await page.getByRole('button', { name: 'Switch to light theme' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, SCREENSHOTS, '12-plugin-waves-375px-dark');
  });
});
