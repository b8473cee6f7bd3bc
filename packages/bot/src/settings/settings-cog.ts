import { isAuthorizedUser, isBaselineError, resetSettings, SettingsValidationError, type AuditLogAppend } from '@baseline/core';
import { EmbedBuilder, MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { Cog, type CogMeta } from '../cogs/cog.js';
import { slashCommand } from '../cogs/define-handlers.js';
import { formatSettingValue, parseSettingValue, settingsFields } from './settings-fields.js';

/** Discord allows at most 25 choices and 25 autocomplete results. */
const MAX_CHOICES = 25;

/**
 * The built-in `/settings` command: authorized users of a guild (the dashboard's grants) view and change any
 * plugin's settings from Discord. `view`, `set` and `reset` subcommands; the plugin is a choice of the registered
 * namespaces, fields and values are completed from each namespace's schema, and every change is validated by it
 * and audited exactly like the API's (`settings.update`, before and after). Replies are ephemeral. The bot loads
 * it when at least one plugin registered settings. Its replies are in the interaction's language (`settings.*` keys of
 * baseline's strings).
 */
export class SettingsCog extends Cog {
  static override meta: CogMeta = { name: 'baseline-settings', description: 'The /settings command' };

  readonly #namespaces = this.services.settings.namespaces().slice(0, MAX_CHOICES);

  override commands = [
    slashCommand({
      data: new SlashCommandBuilder()
        .setName('settings')
        .setDescription("View or change this server's plugin settings")
        .setDMPermission(false)
        .addSubcommand((sub) =>
          sub
            .setName('view')
            .setDescription("Show a plugin's settings")
            .addStringOption((option) => this.#pluginOption(option)),
        )
        .addSubcommand((sub) =>
          sub
            .setName('set')
            .setDescription('Change one setting (value "null" clears it)')
            .addStringOption((option) => this.#pluginOption(option))
            .addStringOption((option) => option.setName('field').setDescription('The setting').setRequired(true).setAutocomplete(true))
            .addStringOption((option) =>
              option.setName('value').setDescription('The new value: text, a number, true/false, JSON, or null').setRequired(true).setAutocomplete(true),
            ),
        )
        .addSubcommand((sub) =>
          sub
            .setName('reset')
            .setDescription('Put one setting, or all of a plugin, back to its default')
            .addStringOption((option) => this.#pluginOption(option))
            .addStringOption((option) => option.setName('field').setDescription('The setting; all of them when omitted').setAutocomplete(true)),
        ),
      guildOnly: true,
      run: (interaction) => this.#run(interaction),
      autocomplete: async (interaction) => {
        const focused = interaction.options.getFocused(true);
        const fields = settingsFields(this.services.settings.jsonSchema(interaction.options.getString('plugin') ?? ''));
        const typed = focused.value.toLowerCase();
        const choices =
          focused.name === 'field'
            ? fields.map((field) => field.name)
            : (fields.find((field) => field.name === interaction.options.getString('field'))?.choices ?? []).map(String).concat('null');
        await interaction.respond(
          choices
            .filter((choice) => choice.toLowerCase().includes(typed))
            .slice(0, MAX_CHOICES)
            .map((choice) => ({ name: choice, value: choice })),
        );
      },
    }),
  ];

  #pluginOption<
    Option extends {
      setName(name: string): Option;
      setDescription(text: string): Option;
      setRequired(required: boolean): Option;
      addChoices(...choices: { name: string; value: string }[]): Option;
    },
  >(option: Option): Option {
    return option
      .setName('plugin')
      .setDescription('The plugin whose settings to use')
      .setRequired(true)
      .addChoices(...this.#namespaces.map((namespace) => ({ name: this.services.settings.definition(namespace)?.title ?? namespace, value: namespace })));
  }

  async #run(interaction: ChatInputCommandInteraction<'cached' | 'raw'>): Promise<void> {
    const { guildId } = interaction;
    const actorUserId = interaction.user.id;
    if (!(await isAuthorizedUser(this.services.db, guildId, actorUserId))) {
      await interaction.reply({ content: this.t('settings.notAuthorized'), flags: MessageFlags.Ephemeral });
      return;
    }
    const namespace = interaction.options.getString('plugin', true);
    const { settings } = this.services;
    const audit = (before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): AuditLogAppend[] => [
      { guildId, actorUserId, action: 'settings.update', target: namespace, before, after },
    ];
    try {
      const subcommand = interaction.options.getSubcommand();
      if (subcommand === 'view') {
        await interaction.reply({ embeds: [this.#embed(namespace, await settings.get(guildId, namespace))], flags: MessageFlags.Ephemeral });
        return;
      }
      if (subcommand === 'reset') {
        const field = interaction.options.getString('field');
        const after = await resetSettings(settings, guildId, namespace, { ...(field === null ? {} : { fields: [field] }), actorUserId, audit });
        await interaction.reply({
          content: field === null ? this.t('settings.resetAll', { namespace }) : this.t('settings.resetField', { namespace, field }),
          embeds: [this.#embed(namespace, after)],
          flags: MessageFlags.Ephemeral,
        });
        return;
      }
      // `set` declares its field required, so Discord always sends it.
      const field = interaction.options.getString('field', true);
      const after = await this.#set(guildId, namespace, field, interaction.options.getString('value', true), actorUserId, audit);
      await interaction.reply({
        content: this.t('settings.changed', { namespace, field }),
        embeds: [this.#embed(namespace, after)],
        flags: MessageFlags.Ephemeral,
      });
    } catch (error) {
      if (!isBaselineError(error)) throw error;
      const detail = error instanceof SettingsValidationError ? error.issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n') : error.message;
      await interaction.reply({ content: this.t('settings.nothingChanged', { code: error.code, detail }), flags: MessageFlags.Ephemeral });
    }
  }

  /** Validates and stores one field, audited in the same transaction as the change. */
  async #set(
    guildId: string,
    namespace: string,
    field: string,
    raw: string,
    actorUserId: string,
    audit: (before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>) => AuditLogAppend[],
  ) {
    const { settings } = this.services;
    const known = settingsFields(settings.jsonSchema(namespace)).find((candidate) => candidate.name === field);
    if (known === undefined) {
      throw new SettingsValidationError(guildId, namespace, [
        { path: `${namespace}.${field}`, message: `"${namespace}" has no field "${field}"`, code: 'unrecognized_keys' },
      ]);
    }
    // Text fields take what was typed as it is ("123" stays a string); others read numbers, booleans and JSON.
    const value = known.type === 'string' && raw.trim() !== 'null' ? raw : parseSettingValue(raw);
    const before = await settings.get(guildId, namespace);
    const written = await settings.setMany(guildId, { [namespace]: { [field]: value } }, { actorUserId, audit: (values) => audit(before, values[namespace]!) });
    return written[namespace]!;
  }

  #embed(namespace: string, value: Readonly<Record<string, unknown>>): EmbedBuilder {
    const definition = this.services.settings.definition(namespace);
    const fields = settingsFields(this.services.settings.jsonSchema(namespace));
    return new EmbedBuilder()
      .setTitle(definition?.title ?? namespace)
      .setDescription(definition?.description ?? null)
      .addFields(
        fields.slice(0, MAX_CHOICES).map((field) => ({
          name: field.name,
          value: `${formatSettingValue(value[field.name])}${field.description === undefined ? '' : `\n${field.description}`}`.slice(0, 1024),
        })),
      );
  }
}
