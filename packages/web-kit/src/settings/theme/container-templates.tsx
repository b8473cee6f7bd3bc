import {
  buttonId,
  descriptionId,
  getTemplate,
  getUiOptions,
  titleId,
  type ArrayFieldItemTemplateProps,
  type ArrayFieldTemplateProps,
  type ObjectFieldTemplateProps,
} from '@rjsf/utils';
import { groupClass, hintClass } from './classes.js';

/** An object's fields, stacked; a nested object is a fieldset with its legend and description. */
export function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { description, fieldPathId, properties, registry, required, schema, title, uiSchema } = props;
  const options = getUiOptions(uiSchema);
  const TitleFieldTemplate = getTemplate('TitleFieldTemplate', registry, options);
  const DescriptionFieldTemplate = getTemplate('DescriptionFieldTemplate', registry, options);
  const nested = fieldPathId.path.length > 0;
  return (
    <fieldset id={fieldPathId.$id} className={nested ? groupClass : 'flex min-w-0 flex-col gap-4'}>
      {nested && title && (
        <TitleFieldTemplate id={titleId(fieldPathId)} title={title} required={required} schema={schema} uiSchema={uiSchema} registry={registry} />
      )}
      {nested && description && (
        <DescriptionFieldTemplate id={descriptionId(fieldPathId)} description={description} schema={schema} uiSchema={uiSchema} registry={registry} />
      )}
      {properties.map((property) => property.content)}
    </fieldset>
  );
}

/** A list: legend, description, one row per item with its buttons, then "Add". */
export function ArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const { canAdd, disabled, fieldPathId, items, onAddClick, readonly, registry, required, schema, title, uiSchema } = props;
  const options = getUiOptions(uiSchema);
  const TitleFieldTemplate = getTemplate('TitleFieldTemplate', registry, options);
  const DescriptionFieldTemplate = getTemplate('DescriptionFieldTemplate', registry, options);
  const { AddButton } = registry.templates.ButtonTemplates;
  const description = options.description ?? schema.description;
  return (
    <fieldset id={fieldPathId.$id} className={groupClass}>
      <TitleFieldTemplate
        id={titleId(fieldPathId)}
        title={options.title ?? title}
        required={required}
        schema={schema}
        uiSchema={uiSchema}
        registry={registry}
      />
      {description && (
        <DescriptionFieldTemplate id={descriptionId(fieldPathId)} description={description} schema={schema} uiSchema={uiSchema} registry={registry} />
      )}
      {items.length === 0 && <p className={hintClass}>No items.</p>}
      <div className="flex flex-col gap-2">{items}</div>
      {canAdd && (
        <div>
          <AddButton id={buttonId(fieldPathId, 'add')} onClick={onAddClick} disabled={disabled || readonly} uiSchema={uiSchema} registry={registry} />
        </div>
      )}
    </fieldset>
  );
}

/** One list item: the control, then its move and remove buttons, wrapping below on narrow screens. */
export function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, buttonsProps, hasToolbar, registry, uiSchema } = props;
  const ArrayFieldItemButtonsTemplate = getTemplate('ArrayFieldItemButtonsTemplate', registry, getUiOptions(uiSchema));
  return (
    <div className="flex flex-wrap items-start gap-2">
      <div className="min-w-0 flex-1 basis-48">{children}</div>
      {hasToolbar && (
        <div className="flex gap-1">
          <ArrayFieldItemButtonsTemplate {...buttonsProps} />
        </div>
      )}
    </div>
  );
}
