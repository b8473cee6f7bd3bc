import { Cog, describeLlmError, slashCommand } from '@baseline/bot';
import { getLogContext } from '@baseline/core';
import { LLM_ERROR_CODES, LlmError } from '@baseline/llm';
import { GatewayIntentBits, IntentsBitField, MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { z } from 'zod';

/** Discord returns at most 100 messages per fetch. */
const MAX_COUNT = 100;
const DEFAULT_COUNT = 30;

/** What the model must answer: validated locally whatever the provider's JSON mode did. */
export const channelSummarySchema = z.object({
  summary: z.string().min(1).max(1500),
  topics: z.array(z.string().min(1).max(100)).max(10),
});

/** Whether this bot identified with the privileged MessageContent intent (without it, message text is empty). */
function hasMessageContent(interaction: ChatInputCommandInteraction): boolean {
  return new IntentsBitField(interaction.client.options.intents).has(GatewayIntentBits.MessageContent);
}

/**
 * `/summarize [count]`: the channel's recent messages summarized by the guild's model as structured output
 * (a summary and its topics, checked against a zod schema). Reading message text needs the MessageContent
 * intent, which the plugin declares; when the bot runs without it anyway (`DISCORD_INTENTS` leaving it out) the
 * command says so privately instead of summarizing empty messages.
 */
export class SummarizeCog extends Cog {
  static override meta = { name: 'reference-summarize', description: 'Channel summaries by an LLM' };

  override commands = [
    slashCommand({
      data: new SlashCommandBuilder()
        .setName('summarize')
        .setDescription('Summarize the recent messages of this channel')
        .addIntegerOption((option) =>
          option.setName('count').setDescription(`How many recent messages (default ${DEFAULT_COUNT})`).setMinValue(1).setMaxValue(MAX_COUNT),
        ),
      guildOnly: true,
      cooldown: { durationMs: 10_000, scope: 'member' },
      run: async (interaction) => {
        if (!hasMessageContent(interaction)) {
          await interaction.reply({
            content:
              '/summarize needs the Message Content intent to read messages. Enable it for the bot in the Discord Developer Portal (Bot → Privileged Gateway Intents) and include `message_content` in DISCORD_INTENTS (or leave DISCORD_INTENTS unset).',
            flags: MessageFlags.Ephemeral,
          });
          return;
        }
        const count = interaction.options.getInteger('count') ?? DEFAULT_COUNT;
        await interaction.deferReply();
        const channel = interaction.channel ?? (await interaction.client.channels.fetch(interaction.channelId));
        if (channel === null || !('messages' in channel)) {
          await interaction.editReply('This channel has no messages to summarize.');
          return;
        }
        const fetched = await channel.messages.fetch({ limit: count });
        const lines = [...fetched.values()]
          .filter((message) => message.content !== '')
          .sort((a, b) => a.createdTimestamp - b.createdTimestamp)
          .map((message) => `${message.author.username}: ${message.content}`);
        if (lines.length === 0) {
          await interaction.editReply('There are no messages with text to summarize here.');
          return;
        }
        try {
          const { parsed } = await this.llm.completeStructured({
            schema: channelSummarySchema,
            schemaName: 'channel_summary',
            system: 'You summarize Discord conversations. Answer with a short neutral summary and the main topics.',
            prompt: lines.join('\n'),
            maxTokens: 800,
          });
          const topics = parsed.topics.length === 0 ? '' : `\n**Topics:** ${parsed.topics.join(', ')}`;
          await interaction.editReply(`**Summary of the last ${lines.length} message(s):** ${parsed.summary}${topics}`);
        } catch (error) {
          const correlationId = getLogContext().correlation_id ?? interaction.id;
          const content =
            error instanceof LlmError && error.code === LLM_ERROR_CODES.structuredOutput
              ? `The AI answered in a shape I could not read, so there is no summary. Try again. Reference: \`${correlationId}\``
              : describeLlmError(error, correlationId);
          await interaction.editReply(content);
        }
      },
    }),
  ];
}
