import type { ChangeEvent, FocusEvent } from 'react';
import {
  descriptionId,
  enumOptionSelectedValue,
  enumOptionValueDecoder,
  enumOptionValueEncoder,
  getInputProps,
  getOptionValueFormat,
  type BaseInputTemplateProps,
  type WidgetProps,
} from '@rjsf/utils';
import { checkboxClass, hintClass, inputClass, labelClass } from './classes.js';
import { describedBy, fieldLabel } from './field-label.js';

/** Text and number inputs (rjsf's text, number and up-down widgets render through this). */
export function BaseInputTemplate(props: BaseInputTemplateProps) {
  const {
    id,
    htmlName,
    value,
    readonly,
    disabled,
    autofocus,
    onBlur,
    onFocus,
    onChange,
    onChangeOverride,
    options,
    schema,
    rawErrors,
    type,
    hideLabel,
    placeholder,
  } = props;
  const inputProps = getInputProps(schema, type, options);
  const numeric = inputProps.type === 'number' || inputProps.type === 'integer';
  const shown = numeric ? (value || value === 0 ? value : '') : (value ?? '');
  const change = ({ target }: ChangeEvent<HTMLInputElement>) => onChange(target.value === '' ? options.emptyValue : target.value);
  return (
    <input
      {...inputProps}
      id={id}
      name={htmlName ?? id}
      className={inputClass}
      value={shown}
      placeholder={placeholder}
      readOnly={readonly}
      disabled={disabled}
      autoFocus={autofocus}
      aria-invalid={rawErrors !== undefined && rawErrors.length > 0 ? true : undefined}
      aria-describedby={describedBy(id, { description: !hideLabel && (options.description ?? schema.description), errors: rawErrors })}
      onChange={onChangeOverride ?? change}
      onBlur={({ target }: FocusEvent<HTMLInputElement>) => onBlur(id, target.value)}
      onFocus={({ target }: FocusEvent<HTMLInputElement>) => onFocus(id, target.value)}
    />
  );
}

/** A boolean: the checkbox with its own label and description beside it. */
export function CheckboxWidget(props: WidgetProps) {
  const { id, htmlName, value, disabled, readonly, autofocus, label, hideLabel, schema, options, rawErrors, onChange, onBlur, onFocus } = props;
  const description = options.description ?? schema.description;
  return (
    <div className="flex items-start gap-2">
      <input
        type="checkbox"
        id={id}
        name={htmlName ?? id}
        className={checkboxClass}
        checked={value === true}
        disabled={disabled || readonly}
        autoFocus={autofocus}
        aria-invalid={rawErrors !== undefined && rawErrors.length > 0 ? true : undefined}
        aria-describedby={describedBy(id, { description, errors: rawErrors })}
        onChange={(event) => onChange(event.target.checked)}
        onBlur={(event) => onBlur(id, event.target.checked)}
        onFocus={(event) => onFocus(id, event.target.checked)}
      />
      <div className="min-w-0">
        {!hideLabel && (
          <label htmlFor={id} className={labelClass}>
            {fieldLabel(label, options.title ?? schema.title)}
          </label>
        )}
        {description && (
          <p id={descriptionId(id)} className={hintClass}>
            {description}
          </p>
        )}
      </div>
    </div>
  );
}

/** An enum: a native select (keyboard and screen-reader friendly on every device). */
export function SelectWidget(props: WidgetProps) {
  const { id, htmlName, value, required, disabled, readonly, autofocus, options, schema, rawErrors, hideLabel, placeholder, onChange, onBlur, onFocus } = props;
  const { enumOptions = [], enumDisabled, emptyValue } = options;
  const format = getOptionValueFormat(options);
  const decode = (raw: string) => enumOptionValueDecoder(raw, enumOptions, format, emptyValue);
  const selected = enumOptionSelectedValue(value, enumOptions, false, format, '');
  return (
    <select
      id={id}
      name={htmlName ?? id}
      className={inputClass}
      value={typeof selected === 'string' ? selected : ''}
      required={required}
      disabled={disabled || readonly}
      autoFocus={autofocus}
      aria-invalid={rawErrors !== undefined && rawErrors.length > 0 ? true : undefined}
      aria-describedby={describedBy(id, { description: !hideLabel && (options.description ?? schema.description), errors: rawErrors })}
      onChange={(event) => onChange(decode(event.target.value))}
      onBlur={(event) => onBlur(id, decode(event.target.value))}
      onFocus={(event) => onFocus(id, decode(event.target.value))}
    >
      {schema.default === undefined && <option value="">{placeholder || (required ? 'Choose…' : 'None')}</option>}
      {enumOptions.map(({ value: option, label }, index) => (
        <option key={String(option)} value={enumOptionValueEncoder(option, index, format)} disabled={enumDisabled?.includes(option)}>
          {label}
        </option>
      ))}
    </select>
  );
}
