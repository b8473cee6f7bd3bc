import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotHarness, demoGuild, type BotHarness } from '../runtime/support/bot-harness.js';

// /privacy delete-my-data as users meet it through the emulator: an ephemeral confirmation with two buttons that
// only the asking user may press; cancel leaves everything, confirm erases and reports what was erased.

describe('/privacy delete-my-data', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await createBotHarness();
    await harness.start();
  });
  afterAll(() => harness.close());

  async function ask(userId: string) {
    const { guildId, channelId } = demoGuild(harness.emulator);
    const handle = harness.emulator.invokeSlashCommand({ guildId, channelId, userId, name: 'privacy', subcommand: 'delete-my-data' });
    const reply = await handle.reply();
    const buttons = (reply.components as Array<{ components: Array<{ custom_id: string; label: string }> }>)[0]!.components;
    return { reply, confirm: buttons[0]!.custom_id, cancel: buttons[1]!.custom_id };
  }

  it('GIVEN the command THEN an ephemeral confirmation with confirm and cancel buttons for that user', async () => {
    const { aliceId } = demoGuild(harness.emulator);
    const { reply, confirm, cancel } = await ask(aliceId);
    expect(reply.ephemeral).toBe(true);
    expect(confirm).toBe(`baseline-privacy:confirm:${aliceId}`);
    expect(cancel).toBe(`baseline-privacy:cancel:${aliceId}`);
  });

  it('GIVEN another user pressing the button THEN they are told it is not theirs and nothing is erased', async () => {
    const { aliceId, ownerId } = demoGuild(harness.emulator);
    const { reply, confirm } = await ask(aliceId);
    const click = harness.emulator.clickButton(reply.id, confirm, ownerId);
    const answer = await click.reply();
    expect(answer.ephemeral).toBe(true);
    expect(answer.content).toBe('Only the person who asked can confirm this.');
    expect(answer.id).not.toBe(reply.id);
  });

  it('GIVEN cancel THEN the confirmation is replaced and its buttons removed', async () => {
    const { aliceId } = demoGuild(harness.emulator);
    const { reply, cancel } = await ask(aliceId);
    const click = harness.emulator.clickButton(reply.id, cancel, aliceId);
    expect((await click.response()).type).toBe(7);
    const updated = await click.replyMatching((message) => message.components.length === 0);
    expect(updated.content).toBe('Nothing was deleted.');
  });

  it('GIVEN confirm THEN the confirmation becomes the erasure report', async () => {
    const { aliceId } = demoGuild(harness.emulator);
    const { reply, confirm } = await ask(aliceId);
    const click = harness.emulator.clickButton(reply.id, confirm, aliceId);
    expect((await click.response()).type).toBe(6);
    const report = await click.replyMatching((message) => message.components.length === 0 && message.content !== reply.content);
    expect(report.content).toMatch(/^Your data was erased\./);
  });
});
