import { Cog, slashCommand } from '@baseline/bot';
import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import type { notesSettings } from './settings.js';

interface NoteCount {
  count: string;
}

/** `/note add <text>` keeps a note in the plugin's own table; `/note count` says how many you have here. */
export class NotesCog extends Cog<typeof notesSettings> {
  static override meta = { name: 'notes', description: 'Personal notes per server' };

  override commands = [
    slashCommand({
      data: new SlashCommandBuilder()
        .setName('note')
        .setDescription('Your notes on this server')
        .addSubcommand((sub) =>
          sub
            .setName('add')
            .setDescription('Keep a note')
            .addStringOption((option) => option.setName('text').setDescription('The note').setRequired(true).setMaxLength(200)),
        )
        .addSubcommand((sub) => sub.setName('count').setDescription('How many notes you keep here')),
      guildOnly: true,
      subcommands: {
        add: async (interaction) => {
          const guildId = interaction.guildId;
          const { maxNotes } = await this.settings.get(guildId);
          if ((await this.#count(guildId, interaction.user.id)) >= maxNotes) {
            await interaction.reply({ content: `You already keep ${maxNotes} notes here.`, flags: MessageFlags.Ephemeral });
            return;
          }
          await this.#sql('insert into "notes_notes" ("guild_id", "user_id", "text") values (?, ?, ?)', [
            guildId,
            interaction.user.id,
            interaction.options.getString('text', true),
          ]);
          await interaction.reply({ content: 'Noted.', flags: MessageFlags.Ephemeral });
        },
        count: async (interaction) => {
          const count = await this.#count(interaction.guildId, interaction.user.id);
          await interaction.reply({ content: `You keep ${count} note(s) here.`, flags: MessageFlags.Ephemeral });
        },
      },
    }),
  ];

  async #count(guildId: string, userId: string): Promise<number> {
    const rows = (await this.#sql('select count(*) as "count" from "notes_notes" where "guild_id" = ? and "user_id" = ?', [guildId, userId])) as NoteCount[];
    return Number(rows[0]?.count ?? 0);
  }

  #sql(query: string, params: unknown[]): Promise<unknown> {
    return this.services.db.orm.em.getConnection().execute(query, params, 'all');
  }
}
