// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsForms, type SaveOutcome } from '../../src/settings/index.js';
import { discordData, moderationSettings, schemaBody, welcomeSettings } from './settings-fixtures.js';

afterEach(cleanup);

function renderForms(values: Record<string, Record<string, unknown>> = { welcome: { ...welcomeSettings.defaults } }) {
  const onSave = vi.fn(async (_namespace: string, _value: Record<string, unknown>): Promise<SaveOutcome> => ({ ok: true }));
  const utils = render(
    <SettingsForms schema={schemaBody({ welcome: welcomeSettings, moderation: moderationSettings })} values={values} discord={discordData()} onSave={onSave} />,
  );
  const welcome = within(screen.getByRole('region', { name: 'Welcome' }));
  return { ...utils, onSave, welcome };
}

/** The text of the elements a control's aria-describedby names. */
function description(element: HTMLElement): string {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? `<missing #${id}>`).join(' | ');
}

describe('SettingsForms: every construct defineSettings produces', () => {
  it('GIVEN two namespaces THEN one titled form each, with labelled fields showing the stored values', () => {
    const { welcome } = renderForms();
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual(['Welcome', 'Moderation']);
    expect(welcome.getByText('How the bot greets newcomers')).toBeTruthy();
    expect(welcome.getByLabelText('Greeting')).toHaveProperty('value', 'Hello');
    expect(welcome.getByLabelText('Code')).toHaveProperty('value', 'ABC');
    expect(welcome.getByLabelText('Max per day')).toHaveProperty('value', '3');
    expect(welcome.getByLabelText('Ratio')).toHaveProperty('value', '0.5');
    const enabled = welcome.getByLabelText('Enabled') as HTMLInputElement;
    expect(enabled.type).toBe('checkbox');
    expect(enabled.checked).toBe(false);
    expect(description(enabled)).toBe('Greet people who join');
    const mode = welcome.getByLabelText('Mode') as HTMLSelectElement;
    expect([...mode.options].map((option) => option.textContent)).toEqual(['quiet', 'loud']);
    expect(mode.value).toBe('0');
    expect(welcome.getByRole('group', { name: 'Words' })).toBeTruthy();
    expect(within(welcome.getByRole('group', { name: 'Words' })).getByRole('textbox')).toHaveProperty('value', 'hi');
    expect(within(welcome.getByRole('group', { name: 'Limits' })).getByLabelText('Per user')).toHaveProperty('value', '2');
    expect(welcome.getByLabelText('Footer (optional)')).toHaveProperty('value', '');
  });

  it('GIVEN a namespace with nothing stored THEN the schema defaults fill the form', () => {
    const { welcome } = renderForms({});
    expect(welcome.getByLabelText('Greeting')).toHaveProperty('value', 'Hello');
    expect(welcome.getByLabelText('Max per day')).toHaveProperty('value', '3');
    expect(within(welcome.getByRole('group', { name: 'Limits' })).getByLabelText('Per user')).toHaveProperty('value', '2');
  });

  it('GIVEN values breaking length, pattern, bounds and item rules THEN nothing is saved AND each error is announced by its field', async () => {
    const { welcome, onSave } = renderForms();
    fireEvent.change(welcome.getByLabelText('Greeting'), { target: { value: 'H' } });
    fireEvent.change(welcome.getByLabelText('Code'), { target: { value: 'abc' } });
    fireEvent.change(welcome.getByLabelText('Max per day'), { target: { value: '11' } });
    fireEvent.change(welcome.getByLabelText('Ratio'), { target: { value: '1.5' } });
    fireEvent.change(welcome.getByLabelText('Footer (optional)'), { target: { value: 'x'.repeat(51) } });
    fireEvent.change(within(welcome.getByRole('group', { name: 'Limits' })).getByLabelText('Per user'), { target: { value: '0' } });
    fireEvent.click(welcome.getByRole('button', { name: 'Add item' }));
    fireEvent.click(welcome.getByRole('button', { name: 'Add item' }));
    fireEvent.click(welcome.getByRole('button', { name: 'Save Welcome' }));

    await waitFor(() => expect(welcome.getByRole('alert').textContent).toMatch(/values need fixing before saving/));
    expect(onSave).not.toHaveBeenCalled();
    expect(description(welcome.getByLabelText('Greeting'))).toMatch(/fewer than 2 characters/);
    expect(welcome.getByLabelText('Greeting').getAttribute('aria-invalid')).toBe('true');
    expect(description(welcome.getByLabelText('Code'))).toMatch(/must match pattern/);
    expect(description(welcome.getByLabelText('Max per day'))).toMatch(/must be <= 10/);
    expect(description(welcome.getByLabelText('Ratio'))).toMatch(/must be <= 1/);
    expect(description(welcome.getByLabelText('Footer (optional)'))).toMatch(/more than 50 characters/);
    expect(description(within(welcome.getByRole('group', { name: 'Limits' })).getByLabelText('Per user'))).toMatch(/must be >= 1/);
    // Three words are allowed; the two new, empty ones break the items' minLength.
    const words = within(welcome.getByRole('group', { name: 'Words' })).getAllByRole('textbox');
    expect(words.map(description)).toEqual(['', expect.stringMatching(/fewer than 1 characters/), expect.stringMatching(/fewer than 1 characters/)]);
  });

  it('GIVEN valid edits of every kind THEN onSave receives the namespace and its whole new value', async () => {
    const { welcome, onSave } = renderForms();
    fireEvent.change(welcome.getByLabelText('Greeting'), { target: { value: 'Welcome!' } });
    fireEvent.change(welcome.getByLabelText('Max per day'), { target: { value: '7' } });
    fireEvent.click(welcome.getByLabelText('Enabled'));
    fireEvent.change(welcome.getByLabelText('Mode'), { target: { value: '1' } });
    fireEvent.click(welcome.getByRole('button', { name: 'Add item' }));
    const words = within(welcome.getByRole('group', { name: 'Words' })).getAllByRole('textbox');
    fireEvent.change(words[1]!, { target: { value: 'hello' } });
    fireEvent.change(within(welcome.getByRole('group', { name: 'Limits' })).getByLabelText('Per user'), { target: { value: '4' } });
    fireEvent.change(welcome.getByLabelText('Footer (optional)'), { target: { value: 'See you' } });
    fireEvent.click(welcome.getByRole('button', { name: 'Save Welcome' }));

    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave).toHaveBeenCalledWith('welcome', {
      greeting: 'Welcome!',
      code: 'ABC',
      maxPerDay: 7,
      ratio: 0.5,
      enabled: true,
      mode: 'loud',
      words: ['hi', 'hello'],
      limits: { perUser: 4 },
      footer: 'See you',
    });
    expect(welcomeSettings.schema.safeParse(onSave.mock.calls[0]![1]).success).toBe(true);
    expect(await welcome.findByRole('status')).toHaveProperty('textContent', 'Saved.');
  });

  it('GIVEN an optional field emptied and the only list item removed THEN the optional key is left out AND the list is empty', async () => {
    const { welcome, onSave } = renderForms();
    fireEvent.change(welcome.getByLabelText('Footer (optional)'), { target: { value: 'x' } });
    fireEvent.change(welcome.getByLabelText('Footer (optional)'), { target: { value: '' } });
    fireEvent.click(welcome.getByRole('button', { name: 'Remove' }));
    fireEvent.click(welcome.getByRole('button', { name: 'Save Welcome' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    const saved = onSave.mock.calls[0]![1];
    expect(saved).not.toHaveProperty('footer');
    expect(saved.words).toEqual([]);
  });

  it('GIVEN the schema as a plain map of namespace to schema THEN the same forms are drawn', () => {
    const body = schemaBody({ welcome: welcomeSettings }) as { properties: Record<string, unknown> };
    render(<SettingsForms schema={body.properties} values={{}} discord={discordData()} onSave={async () => ({ ok: true })} />);
    expect(screen.getByRole('region', { name: 'Welcome' })).toBeTruthy();
  });
});
