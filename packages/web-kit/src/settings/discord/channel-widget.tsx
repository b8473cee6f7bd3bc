import type { WidgetProps } from '@rjsf/utils';
import { useDiscordData } from './discord-data-context.js';
import { IdSelect } from './id-select.js';

/** Picks a channel of the guild (`"x-baseline-widget": "channel"`), limited to `x-baseline-channel-types` when set. */
export function ChannelWidget(props: WidgetProps) {
  const { channels } = useDiscordData();
  const types = props.options.channelTypes as number[] | undefined;
  const choices = channels
    .filter((channel) => types === undefined || types.includes(channel.type))
    .map((channel) => ({ id: channel.id, label: `#${channel.name}` }));
  return <IdSelect widget={props} choices={choices} unknownLabel={(id) => `Unknown channel (${id})`} />;
}
