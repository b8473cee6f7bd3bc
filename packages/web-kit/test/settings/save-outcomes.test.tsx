// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsForms, type SaveOutcome, type SettingsFormsProps } from '../../src/settings/index.js';
import { discordData, schemaBody, welcomeSettings } from './settings-fixtures.js';

afterEach(cleanup);

const schema = schemaBody({ welcome: welcomeSettings });

function renderWelcome(outcome: SaveOutcome | Error) {
  const onSave = vi.fn(async (): Promise<SaveOutcome> => {
    if (outcome instanceof Error) throw outcome;
    return outcome;
  });
  const props = (values: Record<string, unknown>): SettingsFormsProps => ({ schema, values: { welcome: values }, discord: discordData(), onSave });
  const utils = render(<SettingsForms {...props({ ...welcomeSettings.defaults })} />);
  const form = within(screen.getByRole('region', { name: 'Welcome' }));
  return { form, onSave, rerender: (values: Record<string, unknown>) => utils.rerender(<SettingsForms {...props(values)} />) };
}

const describedText = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');

describe('SettingsForms: what a save came to', () => {
  it('GIVEN the API refuses fields with 422 paths THEN each message shows by its field, nested ones included, AND the rest above the form', async () => {
    const { form } = renderWelcome({
      ok: false,
      kind: 'invalid',
      fields: [
        { path: 'welcome.greeting', message: 'Too big: expected string to have <=20 characters' },
        { path: 'welcome.limits.perUser', message: 'Too small: expected number to be >=1' },
        { path: 'welcome.words.0', message: 'Invalid string' },
        { path: 'welcome', message: 'greeting must differ from the footer' },
      ],
    });
    fireEvent.click(form.getByRole('button', { name: 'Save Welcome' }));
    await waitFor(() => expect(form.getByRole('alert').textContent).toMatch(/The server refused some values; nothing was saved/));
    expect(form.getByRole('alert').textContent).toContain('greeting must differ from the footer');
    expect(describedText(form.getByLabelText('Greeting'))).toContain('Too big: expected string to have <=20 characters');
    expect(describedText(within(form.getByRole('group', { name: 'Limits' })).getByLabelText('Per user'))).toContain('Too small: expected number to be >=1');
    expect(describedText(within(form.getByRole('group', { name: 'Words' })).getByRole('textbox'))).toContain('Invalid string');

    // Editing the form clears the server's verdict, which was about the old values.
    fireEvent.change(form.getByLabelText('Greeting'), { target: { value: 'Hey' } });
    await waitFor(() => expect(describedText(form.getByLabelText('Greeting'))).not.toContain('Too big'));
  });

  it('GIVEN someone else saved first (412) THEN "Changed by X at T — reload" shows AND the edits survive, even when new values arrive', async () => {
    const changedAt = '2026-12-05T03:30:00.000Z';
    const { form, rerender, onSave } = renderWelcome({ ok: false, kind: 'conflict', changedBy: 'alice', changedAt });
    fireEvent.change(form.getByLabelText('Greeting'), { target: { value: 'Mine' } });
    fireEvent.click(form.getByRole('button', { name: 'Save Welcome' }));
    const alert = await form.findByRole('alert');
    expect(alert.textContent).toContain(`Changed by alice at ${new Date(changedAt).toLocaleString()} — reload`);
    expect(alert.textContent).toContain('Your edits are kept');
    expect(onSave).toHaveBeenCalledWith('welcome', expect.objectContaining({ greeting: 'Mine' }));
    expect(form.getByLabelText('Greeting')).toHaveProperty('value', 'Mine');

    rerender({ ...welcomeSettings.defaults, greeting: 'Theirs' });
    expect(form.getByLabelText('Greeting')).toHaveProperty('value', 'Mine');
    expect(form.getByText('Unsaved changes')).toBeTruthy();
  });

  it('GIVEN a conflict without a known author THEN it names someone else', async () => {
    const { form } = renderWelcome({ ok: false, kind: 'conflict', changedBy: null, changedAt: null });
    fireEvent.click(form.getByRole('button', { name: 'Save Welcome' }));
    expect((await form.findByRole('alert')).textContent).toMatch(/^Changed by someone else — reload/);
  });

  it('GIVEN a saved form WHEN the caller passes the stored values back THEN the form shows them', async () => {
    const { form, rerender } = renderWelcome({ ok: true });
    fireEvent.change(form.getByLabelText('Greeting'), { target: { value: 'Saved one' } });
    fireEvent.click(form.getByRole('button', { name: 'Save Welcome' }));
    expect(await form.findByRole('status')).toHaveProperty('textContent', 'Saved.');
    rerender({ ...welcomeSettings.defaults, greeting: 'Saved one', maxPerDay: 9 });
    expect(form.getByLabelText('Max per day')).toHaveProperty('value', '9');
    expect(form.queryByText('Unsaved changes')).toBeNull();
  });

  it('GIVEN an error outcome or a failing onSave THEN its message shows AND the edits stay', async () => {
    for (const outcome of [{ ok: false, kind: 'error', message: 'HTTP 502 from the API' } as const, new Error('network down')]) {
      const { form } = renderWelcome(outcome);
      fireEvent.change(form.getByLabelText('Greeting'), { target: { value: 'Kept' } });
      fireEvent.click(form.getByRole('button', { name: 'Save Welcome' }));
      expect((await form.findByRole('alert')).textContent).toContain(outcome instanceof Error ? 'network down' : 'HTTP 502 from the API');
      expect(form.getByLabelText('Greeting')).toHaveProperty('value', 'Kept');
      cleanup();
    }
  });
});
