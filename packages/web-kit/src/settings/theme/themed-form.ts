import { withTheme } from '@rjsf/core';
import { ChannelWidget } from '../discord/channel-widget.js';
import { MemberWidget } from '../discord/member-widget.js';
import { RoleWidget } from '../discord/role-widget.js';
import { DISCORD_WIDGETS } from '../widget-keyword.js';
import { AddButton, ClearButton, CopyButton, MoveDownButton, MoveUpButton, RemoveButton } from './buttons.js';
import { ArrayFieldItemTemplate, ArrayFieldTemplate, ObjectFieldTemplate } from './container-templates.js';
import { DescriptionFieldTemplate, ErrorListTemplate, FieldErrorTemplate, FieldTemplate, TitleFieldTemplate } from './field-templates.js';
import { BaseInputTemplate, CheckboxWidget, SelectWidget } from './input-widgets.js';

/** rjsf's Form drawn with the kit's Tailwind templates and widgets, plus the Discord pickers. */
export const ThemedForm = withTheme({
  templates: {
    FieldTemplate,
    DescriptionFieldTemplate,
    TitleFieldTemplate,
    FieldErrorTemplate,
    ErrorListTemplate,
    ObjectFieldTemplate,
    ArrayFieldTemplate,
    ArrayFieldItemTemplate,
    BaseInputTemplate,
    ButtonTemplates: { AddButton, RemoveButton, MoveUpButton, MoveDownButton, CopyButton, ClearButton },
  },
  widgets: {
    CheckboxWidget,
    SelectWidget,
    [DISCORD_WIDGETS.channel]: ChannelWidget,
    [DISCORD_WIDGETS.role]: RoleWidget,
    [DISCORD_WIDGETS.member]: MemberWidget,
  },
});
