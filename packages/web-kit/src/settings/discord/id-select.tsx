import type { WidgetProps } from '@rjsf/utils';
import { inputClass } from '../theme/classes.js';
import { describedBy } from '../theme/field-label.js';

/** One choice of an {@link IdSelect}. */
export interface IdChoice {
  id: string;
  label: string;
}

/**
 * A select of Discord ids (channels, roles). An optional field offers "None"; a stored id the guild no longer has
 * (a deleted channel) stays selectable as "Unknown …", so opening the form never changes the value by itself.
 */
export function IdSelect({ widget, choices, unknownLabel }: { widget: WidgetProps; choices: IdChoice[]; unknownLabel: (id: string) => string }) {
  const { id, htmlName, value, required, disabled, readonly, autofocus, options, schema, rawErrors, hideLabel, onChange, onBlur, onFocus } = widget;
  const current = typeof value === 'string' ? value : '';
  const known = current === '' || choices.some((choice) => choice.id === current);
  const decode = (raw: string) => (raw === '' ? options.emptyValue : raw);
  return (
    <select
      id={id}
      name={htmlName ?? id}
      className={inputClass}
      value={current}
      disabled={disabled || readonly}
      autoFocus={autofocus}
      aria-invalid={rawErrors !== undefined && rawErrors.length > 0 ? true : undefined}
      aria-describedby={describedBy(id, { description: !hideLabel && (options.description ?? schema.description), errors: rawErrors })}
      onChange={(event) => onChange(decode(event.target.value))}
      onBlur={(event) => onBlur(id, decode(event.target.value))}
      onFocus={(event) => onFocus(id, decode(event.target.value))}
    >
      {(!required || current === '') && <option value="">{required ? 'Choose…' : 'None'}</option>}
      {!known && <option value={current}>{unknownLabel(current)}</option>}
      {choices.map((choice) => (
        <option key={choice.id} value={choice.id}>
          {choice.label}
        </option>
      ))}
    </select>
  );
}
