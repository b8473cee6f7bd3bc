import type { IconButtonProps } from '@rjsf/utils';
import { buttonClass } from './classes.js';

/** rjsf's icon buttons as labelled text buttons: the core theme draws Bootstrap glyphs this kit does not ship. */
function TextButton({
  text,
  iconType: _iconType,
  icon: _icon,
  uiSchema: _uiSchema,
  registry: _registry,
  className: _className,
  ...button
}: IconButtonProps & { text: string }) {
  return (
    <button type="button" className={buttonClass} {...button}>
      {text}
    </button>
  );
}

export const AddButton = (props: IconButtonProps) => <TextButton {...props} text="Add item" />;
export const RemoveButton = (props: IconButtonProps) => <TextButton {...props} text="Remove" />;
export const MoveUpButton = (props: IconButtonProps) => <TextButton {...props} text="Up" aria-label="Move up" />;
export const MoveDownButton = (props: IconButtonProps) => <TextButton {...props} text="Down" aria-label="Move down" />;
export const CopyButton = (props: IconButtonProps) => <TextButton {...props} text="Copy" />;
export const ClearButton = (props: IconButtonProps) => <TextButton {...props} text="Clear" />;
