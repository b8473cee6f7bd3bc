// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsForms, type SaveOutcome } from '../../src/settings/index.js';
import { ALICE, CHANNELS, discordData, moderationSettings, ROLES, schemaBody } from './settings-fixtures.js';

afterEach(cleanup);

function renderModeration(values: Record<string, unknown> = {}) {
  const discord = discordData();
  const onSave = vi.fn(async (_namespace: string, _value: Record<string, unknown>): Promise<SaveOutcome> => ({ ok: true }));
  render(<SettingsForms schema={schemaBody({ moderation: moderationSettings })} values={{ moderation: values }} discord={discord} onSave={onSave} />);
  return { form: within(screen.getByRole('region', { name: 'Moderation' })), discord, onSave };
}

const optionTexts = (select: HTMLElement) => [...(select as HTMLSelectElement).options].map((option) => option.textContent);

describe('SettingsForms: Discord pickers chosen by x-baseline-widget', () => {
  it('GIVEN a channel field limited to text channels THEN it offers None and the text channels only, described by the schema', () => {
    const { form } = renderModeration();
    const channel = form.getByLabelText('Log channel id (optional)');
    expect(channel.tagName).toBe('SELECT');
    expect(optionTexts(channel)).toEqual(['None', '#general', '#mod-log']);
    expect(document.getElementById(channel.getAttribute('aria-describedby')!)?.textContent).toBe('Where warnings are posted');
  });

  it('GIVEN a stored channel the guild no longer has THEN it stays selected as unknown instead of changing by itself', () => {
    const { form } = renderModeration({ logChannelId: '999999999999999999', moderatorRoleIds: [] });
    const channel = form.getByLabelText('Log channel id (optional)') as HTMLSelectElement;
    expect(channel.value).toBe('999999999999999999');
    expect(optionTexts(channel)).toContain('Unknown channel (999999999999999999)');
  });

  it('GIVEN channel, role list and member pickers used THEN onSave receives the chosen ids', async () => {
    const { form, discord, onSave } = renderModeration({ moderatorRoleIds: [] });
    fireEvent.change(form.getByLabelText('Log channel id (optional)'), { target: { value: CHANNELS[2]!.id } });

    fireEvent.click(form.getByRole('button', { name: 'Add item' }));
    const role = within(form.getByRole('group', { name: 'Moderator role ids' })).getByRole('combobox');
    expect(optionTexts(role)).toEqual(['Choose…', '@everyone', '@Moderators']);
    fireEvent.change(role, { target: { value: ROLES[1]!.id } });

    const member = form.getByLabelText('Contact user id (optional)');
    expect(member.getAttribute('type')).toBe('search');
    fireEvent.change(member, { target: { value: 'ali' } });
    fireEvent.click(await form.findByRole('button', { name: 'Alice (@alice)' }));
    expect(discord.queries).toEqual(['ali']);
    expect(form.getByText('Selected: Alice (@alice)')).toBeTruthy();

    fireEvent.click(form.getByRole('button', { name: 'Save Moderation' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave).toHaveBeenCalledWith('moderation', { logChannelId: CHANNELS[2]!.id, moderatorRoleIds: [ROLES[1]!.id], contactUserId: ALICE.id });
  });

  it('GIVEN a member search without match THEN it says so AND a stored member can be cleared', async () => {
    const { form, onSave } = renderModeration({ contactUserId: ALICE.id, moderatorRoleIds: [] });
    expect(form.getByText(`Selected: user ${ALICE.id}`)).toBeTruthy();
    fireEvent.change(form.getByLabelText('Contact user id (optional)'), { target: { value: 'zed' } });
    expect(await form.findByText('No member matches “zed”.')).toBeTruthy();
    fireEvent.click(form.getByRole('button', { name: 'Clear' }));
    expect(form.getByText('Nobody selected.')).toBeTruthy();
    fireEvent.click(form.getByRole('button', { name: 'Save Moderation' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![1]).toEqual({ moderatorRoleIds: [] });
  });

  it('GIVEN a role item left unchosen THEN the form refuses to save with the schema’s message by the picker', async () => {
    const { form, onSave } = renderModeration({ moderatorRoleIds: [] });
    fireEvent.click(form.getByRole('button', { name: 'Add item' }));
    fireEvent.click(form.getByRole('button', { name: 'Save Moderation' }));
    const role = within(form.getByRole('group', { name: 'Moderator role ids' })).getByRole('combobox');
    await waitFor(() => expect(role.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(role.getAttribute('aria-describedby')!)?.textContent).toMatch(/must match pattern/);
    expect(onSave).not.toHaveBeenCalled();
  });
});
