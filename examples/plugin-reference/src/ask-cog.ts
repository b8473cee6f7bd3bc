import { Cog, slashCommand, streamReply } from '@baseline/bot';
import { isLlmProvider, parseGuildModel } from '@baseline/llm';
import { MessageFlags, SlashCommandBuilder } from 'discord.js';

/** Discord lists at most 25 autocomplete choices. */
const MAX_CHOICES = 25;

/**
 * `/ask`: a question answered by the guild's model (or one the user picks among the guild's allowed models),
 * streamed into the channel with a Stop button. `this.llm` attributes usage to the guild, the user and this cog,
 * and applies the guild's `llm` settings (AI on or off, allowed models, budgets).
 */
export class AskCog extends Cog {
  static override meta = { name: 'reference-ask', description: 'Questions answered by an LLM' };

  override commands = [
    slashCommand({
      data: new SlashCommandBuilder()
        .setName('ask')
        .setDescription('Ask the AI; the answer streams in')
        .addStringOption((option) => option.setName('question').setDescription('Your question').setRequired(true).setMaxLength(1500))
        .addStringOption((option) => option.setName('model').setDescription('Which model answers (this server’s allowed models)').setAutocomplete(true)),
      guildOnly: true,
      cooldown: { durationMs: 5_000, scope: 'member' },
      run: async (interaction) => {
        const choice = interaction.options.getString('model');
        const target = choice === null ? {} : parseGuildModel(choice);
        if (choice !== null && (!choice.includes(':') || !isLlmProvider(parseGuildModel(choice).provider))) {
          await interaction.reply({ content: `Pick a model from the list (provider:model), not "${choice}".`, flags: MessageFlags.Ephemeral });
          return;
        }
        await streamReply(interaction, this.llm, {
          system: 'You answer questions in a Discord server. Be concise; use Markdown sparingly.',
          prompt: interaction.options.getString('question', true),
          maxTokens: 1_000,
          ...target,
        });
      },
      autocomplete: async (interaction) => {
        const typed = interaction.options.getFocused().toLowerCase();
        const models = await this.llm.modelChoices();
        await interaction.respond(
          models
            .filter((model) => model.toLowerCase().includes(typed))
            .slice(0, MAX_CHOICES)
            .map((model) => ({ name: model, value: model })),
        );
      },
    }),
  ];
}
