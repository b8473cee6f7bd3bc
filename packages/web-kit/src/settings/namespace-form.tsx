import { useEffect, useMemo, useState } from 'react';
import validator from '@rjsf/validator-ajv8';
import { deepEquals } from '@rjsf/utils';
import { buildUiSchema } from './build-ui-schema.js';
import type { NamespaceSchema } from './namespace-schemas.js';
import { placeServerErrors, type PlacedErrors } from './server-errors.js';
import { hintClass, noticeClass, primaryButtonClass, sectionClass } from './theme/classes.js';
import { ThemedForm } from './theme/themed-form.js';
import type { SaveOutcome, SettingsFormsProps } from './types.js';

type Notice = { tone: keyof typeof noticeClass; text: string; details?: string[] };

/** What a refused save says; a conflict names who saved first and when. */
export function conflictText(changedBy: string | null | undefined, changedAt: string | null | undefined): string {
  const who = changedBy ? changedBy : 'someone else';
  const when = changedAt ? ` at ${new Date(changedAt).toLocaleString()}` : '';
  return `Changed by ${who}${when} — reload to see their changes. Your edits are kept below; nothing was saved.`;
}

function noticeOf(outcome: Exclude<SaveOutcome, { ok: true }>, placed: PlacedErrors | undefined): Notice {
  switch (outcome.kind) {
    case 'invalid':
      return { tone: 'error', text: 'The server refused some values; nothing was saved. See the messages by the fields.', details: placed?.form };
    case 'conflict':
      return { tone: 'conflict', text: conflictText(outcome.changedBy, outcome.changedAt) };
    case 'error':
      return { tone: 'error', text: `Saving failed; nothing was saved: ${outcome.message}` };
  }
}

/**
 * One namespace's form. Edits live here until saved: new `value`s from the caller replace them only while the form
 * holds no unsaved edits, so a refused save (invalid, conflict) never loses what the user typed.
 */
export function NamespaceForm({ entry, value, onSave }: { entry: NamespaceSchema; value: Record<string, unknown>; onSave: SettingsFormsProps['onSave'] }) {
  const uiSchema = useMemo(() => buildUiSchema(entry.schema), [entry.schema]);
  const [form, setForm] = useState({ base: value, data: value });
  const [saving, setSaving] = useState(false);
  const [placed, setPlaced] = useState<PlacedErrors | undefined>(undefined);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const headingId = `settings-${entry.namespace}-heading`;

  useEffect(() => {
    setForm((current) => (deepEquals(current.data, current.base) ? { base: value, data: value } : { ...current, base: value }));
  }, [value]);

  async function save(data: Record<string, unknown>) {
    setSaving(true);
    setNotice(undefined);
    setPlaced(undefined);
    try {
      const outcome = await onSave(entry.namespace, data);
      if (outcome.ok) {
        setForm({ base: data, data });
        setNotice({ tone: 'success', text: 'Saved.' });
        return;
      }
      const fieldErrors = outcome.kind === 'invalid' ? placeServerErrors(entry.namespace, outcome.fields) : undefined;
      setPlaced(fieldErrors);
      setNotice(noticeOf(outcome, fieldErrors));
    } catch (error) {
      setNotice({ tone: 'error', text: `Saving failed; nothing was saved: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setSaving(false);
    }
  }

  return (
    <section aria-labelledby={headingId} className={sectionClass}>
      <header className="flex flex-col gap-1">
        <h2 id={headingId} className="text-lg font-semibold">
          {entry.title}
        </h2>
        {entry.description && <p className={hintClass}>{entry.description}</p>}
      </header>
      {notice && (
        <div role={notice.tone === 'success' ? 'status' : 'alert'} className={noticeClass[notice.tone]}>
          <p>{notice.text}</p>
          {notice.details && notice.details.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {notice.details.map((detail, index) => (
                <li key={index}>{detail}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <ThemedForm
        schema={entry.schema}
        uiSchema={uiSchema}
        formData={form.data}
        validator={validator}
        idPrefix={`settings-${entry.namespace}`}
        extraErrors={placed?.fields}
        // The server's verdict has its own notice above; the list summarises the browser's own validation.
        showErrorList={placed === undefined ? 'top' : false}
        noHtml5Validate
        focusOnFirstError
        disabled={saving}
        onChange={(event) => {
          setForm((current) => ({ ...current, data: event.formData as Record<string, unknown> }));
          if (placed !== undefined) setPlaced(undefined);
        }}
        // The value as it will travel: fields emptied to `undefined` are left out, as JSON leaves them out.
        onSubmit={(event) => void save(JSON.parse(JSON.stringify(event.formData ?? {})) as Record<string, unknown>)}
        // Validation errors are shown on the form; rjsf would also log them to the console.
        onError={() => {}}
      >
        <div className="flex flex-wrap items-center gap-3 pt-2">
          <button type="submit" className={primaryButtonClass} disabled={saving}>
            {saving ? 'Saving…' : `Save ${entry.title}`}
          </button>
          {!deepEquals(form.data, form.base) && <span className={hintClass}>Unsaved changes</span>}
        </div>
      </ThemedForm>
    </section>
  );
}
