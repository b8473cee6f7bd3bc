import { Cog, describeLlmError, slashCommand } from '@baseline/bot';
import { getLogContext } from '@baseline/core';
import { AttachmentBuilder, SlashCommandBuilder } from 'discord.js';

/** File extensions for the image types providers return. */
const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

/**
 * `/imagine <prompt>`: one image from the guild's image model, posted as an attachment. Providers answer base64
 * (posted as a file) or a temporary URL (fetched first, since Discord's link would expire with it).
 */
export class ImagineCog extends Cog {
  static override meta = { name: 'reference-imagine', description: 'Images made by an image model' };

  override commands = [
    slashCommand({
      data: new SlashCommandBuilder()
        .setName('imagine')
        .setDescription('Make an image from a description')
        .addStringOption((option) => option.setName('prompt').setDescription('What the image shows').setRequired(true).setMaxLength(1000)),
      guildOnly: true,
      cooldown: { durationMs: 20_000, scope: 'member' },
      run: async (interaction) => {
        const prompt = interaction.options.getString('prompt', true);
        await interaction.deferReply();
        try {
          const { images } = await this.llm.generateImage({ prompt, n: 1 });
          const image = images[0];
          if (image === undefined) throw new Error('the image model returned no image');
          const bytes = image.b64 !== undefined ? Buffer.from(image.b64, 'base64') : Buffer.from(await (await fetch(image.url!)).arrayBuffer());
          const mimeType = image.mimeType ?? 'image/png';
          const file = new AttachmentBuilder(bytes, { name: `imagine.${EXTENSIONS[mimeType] ?? 'png'}`, description: prompt.slice(0, 1000) });
          await interaction.editReply({ content: `> ${prompt.slice(0, 1900)}`, files: [file] });
        } catch (error) {
          const correlationId = getLogContext().correlation_id ?? interaction.id;
          await interaction.editReply(describeLlmError(error, correlationId));
        }
      },
    }),
  ];
}
