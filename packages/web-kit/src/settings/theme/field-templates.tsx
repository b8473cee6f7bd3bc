import {
  errorId,
  getTemplate,
  getUiOptions,
  type DescriptionFieldProps,
  type ErrorListProps,
  type FieldErrorProps,
  type FieldTemplateProps,
  type TitleFieldProps,
} from '@rjsf/utils';
import { errorTextClass, hintClass, labelClass, legendClass, noticeClass } from './classes.js';
import { fieldLabel } from './field-label.js';

/**
 * One field: label (tied to the control by `htmlFor`), description, control, errors. Fields with a default are
 * "required" in the schema yet always filled, so the label marks the optional ones instead.
 */
export function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, children, errors, help, description, hidden, required, displayLabel, registry, uiSchema, schema } = props;
  const options = getUiOptions(uiSchema);
  const WrapIfAdditionalTemplate = getTemplate('WrapIfAdditionalTemplate', registry, options);
  if (hidden) return <div className="hidden">{children}</div>;
  return (
    <WrapIfAdditionalTemplate {...props}>
      <div className="flex min-w-0 flex-col gap-1.5">
        {displayLabel && (
          <label htmlFor={id} className={labelClass}>
            {fieldLabel(label, options.title ?? schema.title)}
            {!required && <span className="font-normal text-muted-foreground"> (optional)</span>}
          </label>
        )}
        {displayLabel && description}
        {children}
        {errors}
        {help}
      </div>
    </WrapIfAdditionalTemplate>
  );
}

/** The schema's `description` under a label; its id is what the control's `aria-describedby` names. */
export function DescriptionFieldTemplate({ id, description }: DescriptionFieldProps) {
  if (!description) return null;
  return (
    <p id={id} className={hintClass}>
      {description}
    </p>
  );
}

/** The legend of a nested object or an array. */
export function TitleFieldTemplate({ id, title, schema }: TitleFieldProps) {
  return (
    <legend id={id} className={legendClass}>
      {fieldLabel(title, schema.title)}
    </legend>
  );
}

/** A field's errors, under it; the id is in the control's `aria-describedby`. */
export function FieldErrorTemplate({ errors = [], fieldPathId }: FieldErrorProps) {
  const shown = errors.filter((error) => Boolean(error));
  if (shown.length === 0) return null;
  return (
    <ul id={errorId(fieldPathId)} className={errorTextClass}>
      {shown.map((error, index) => (
        <li key={index}>{error}</li>
      ))}
    </ul>
  );
}

/** The summary above a form that failed validation, announced to screen readers; the details sit by the fields. */
export function ErrorListTemplate({ errors }: ErrorListProps) {
  return (
    <div role="alert" className={noticeClass.error}>
      <p className="font-medium">{errors.length === 1 ? 'One value needs fixing before saving:' : `${errors.length} values need fixing before saving:`}</p>
      <ul className="mt-1 list-disc pl-5">
        {errors.map((error, index) => (
          <li key={index}>{error.stack}</li>
        ))}
      </ul>
    </div>
  );
}
