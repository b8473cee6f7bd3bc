import type { WidgetProps } from '@rjsf/utils';
import { useDiscordData } from './discord-data-context.js';
import { IdSelect } from './id-select.js';

/** Picks a role of the guild (`"x-baseline-widget": "role"`). */
export function RoleWidget(props: WidgetProps) {
  const { roles } = useDiscordData();
  const choices = roles.map((role) => ({ id: role.id, label: role.name.startsWith('@') ? role.name : `@${role.name}` }));
  return <IdSelect widget={props} choices={choices} unknownLabel={(id) => `Unknown role (${id})`} />;
}
