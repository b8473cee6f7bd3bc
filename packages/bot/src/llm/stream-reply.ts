import { getLogContext } from '@baseline/core';
import type { CompletionResult, LlmStream, StreamRequest } from '@baseline/llm';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Events,
  MessageFlags,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionReplyOptions,
  type MessageComponentInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import { describeLlmError, type LlmErrorMessages } from './describe-llm-error.js';
import { splitForDiscord } from './split-for-discord.js';

/** Interactions an answer can be streamed into. */
export type StreamableInteraction = ChatInputCommandInteraction | MessageComponentInteraction | ModalSubmitInteraction;

/** Options of {@link streamReply}. */
export interface StreamReplyOptions {
  /**
   * Least time between two edits of the answer, in milliseconds. Discord allows about five message edits per
   * few seconds on one interaction's webhook; one edit per second stays well inside that.
   * @default 1_000
   */
  editIntervalMs?: number;
  /**
   * How long to wait for the first words before acknowledging the interaction with "thinking…" (Discord wants
   * an answer within 3 s). An error before then (budget, a model not allowed) is answered privately alone.
   * @default 1_200
   */
  firstReplyWithinMs?: number;
  /** Show a Stop button that only the invoking user can press. @default true */
  stopButton?: boolean;
  /** The answer and its button are visible to the invoking user only. @default false */
  ephemeral?: boolean;
  /** Texts the user reads. */
  messages?: Partial<StreamReplyMessages>;
}

/** What the user reads around a streamed answer. */
export interface StreamReplyMessages extends LlmErrorMessages {
  stopLabel: string;
  /** Appended to an answer the user stopped. */
  stoppedSuffix: string;
  /** Shown to someone else pressing Stop. */
  notYours: string;
  /** An answer with no text at all. */
  empty: string;
}

const DEFAULT_MESSAGES: Omit<StreamReplyMessages, keyof LlmErrorMessages> = {
  stopLabel: 'Stop',
  stoppedSuffix: '\n\n*(stopped)*',
  notYours: 'Only the person who asked can stop this answer.',
  empty: '*(no answer)*',
};

/** What happened to a streamed answer. */
export interface StreamReplyResult {
  /** The text shown (without the stopped marker). */
  text: string;
  /** The user pressed Stop; generation was aborted and the usage row flagged `stoppedEarly`. */
  stopped: boolean;
  /** Messages the answer took: the reply plus follow-ups. */
  messages: number;
  /** Requests sent to Discord for the answer: the first reply, edits and follow-ups. */
  discordWrites: number;
  /** The completion (usage, cost); settles after a stop once the provider's stream is closed and recorded. */
  result: Promise<CompletionResult>;
  /** The error shown to the user, if the answer failed. */
  error: unknown;
}

/**
 * Streams a completion into an interaction's reply. The first words become the reply; later text is written
 * by edits at most once per `editIntervalMs`, so a long answer costs a handful of requests and no 429s.
 * Past 2,000 characters the answer continues in follow-up messages, cut at line breaks or spaces with code
 * blocks closed and reopened (see {@link splitForDiscord}). A Stop button on the newest message aborts
 * generation; the usage seen so far is still recorded, flagged `stoppedEarly`. A failure is answered with a
 * short private message: the budget and when it resets, the guild's refusal, or a reference (the correlation
 * id) to find it in the logs.
 *
 * @param llm - what streams: the cog's `this.llm` (bound to the guild, user and cog) or `services.llm`.
 * @param request - the stream request; `onEarlyStop` is set to `abort`.
 * @example
 * ```ts
 * run: async (interaction) => {
 *   await streamReply(interaction, this.llm, { prompt: interaction.options.getString('question', true) });
 * }
 * ```
 */
export async function streamReply(
  interaction: StreamableInteraction,
  llm: { stream(request: StreamRequest): LlmStream },
  request: StreamRequest,
  options: StreamReplyOptions = {},
): Promise<StreamReplyResult> {
  const messages: StreamReplyMessages = { ...DEFAULT_MESSAGES, ...options.messages } as StreamReplyMessages;
  const intervalMs = options.editIntervalMs ?? 1_000;
  const showStop = options.stopButton ?? true;
  const stopId = `baseline:llm-stop:${interaction.id}`;
  const state = { text: '', stopped: false, writes: 0 };
  const sent: string[] = [];
  const messageIds: (string | undefined)[] = [];

  // The Stop button: a client listener for this answer's custom id, removed when the answer ends.
  let pressStop: () => void = () => {};
  const stopPressed = new Promise<'stop'>((resolve) => (pressStop = () => resolve('stop')));
  const onInteraction = (pressed: Interaction): void => {
    if (!pressed.isButton() || pressed.customId !== stopId) return;
    if (pressed.user.id !== interaction.user.id) {
      void pressed.reply({ content: messages.notYours, flags: MessageFlags.Ephemeral }).catch(() => {});
      return;
    }
    state.stopped = true;
    pressStop();
    void pressed.deferUpdate().catch(() => {});
  };
  if (showStop) interaction.client.on(Events.InteractionCreate, onInteraction);

  const stream = llm.stream({ ...request, onEarlyStop: 'abort' });
  const iterator = stream[Symbol.asyncIterator]();
  const stopRow = () => [
    new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId(stopId).setLabel(messages.stopLabel).setStyle(ButtonStyle.Secondary)),
  ];

  /** Brings Discord's messages in line with the text: only pages whose content or button changed are written. */
  const render = async (final: boolean): Promise<void> => {
    const shown = final ? (state.text === '' ? messages.empty : state.text) + (state.stopped ? messages.stoppedSuffix : '') : state.text;
    if (shown === '') return;
    const pages = splitForDiscord(shown);
    for (const [index, content] of pages.entries()) {
      const withButton = !final && showStop && index === pages.length - 1;
      const key = `${withButton ? 1 : 0}${content}`;
      if (sent[index] === key) continue;
      const payload = { content, components: withButton ? stopRow() : [] };
      if (index === 0) {
        if (interaction.replied || interaction.deferred) await interaction.editReply(payload);
        else await interaction.reply({ ...payload, ...(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {}) } as InteractionReplyOptions);
      } else if (messageIds[index] === undefined) {
        const message = await interaction.followUp({ ...payload, ...(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
        messageIds[index] = message.id;
      } else {
        await interaction.editReply({ ...payload, message: messageIds[index] });
      }
      state.writes += 1;
      sent[index] = key;
    }
  };

  // Writes happen one at a time, at most once per interval, from this loop; reading the stream never waits on Discord.
  let dirty = false;
  let done = false;
  let wake: () => void = () => {};
  const painter = (async () => {
    for (;;) {
      if (!dirty && !done) await new Promise<void>((resolve) => (wake = resolve));
      if (done) return;
      dirty = false;
      await render(false);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();

  let error: unknown;
  try {
    if (!interaction.replied && !interaction.deferred) {
      // Answer with the first words when they come quickly; else show "thinking…" in time.
      const first = iterator.next();
      first.catch(() => {});
      const early = await Promise.race([first, stopPressed, delay(options.firstReplyWithinMs ?? 1_200)]);
      if (early === undefined) await interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
      await consume(first);
    } else {
      await consume(iterator.next());
    }
  } catch (thrown) {
    error = thrown;
  }
  done = true;
  wake();
  await painter.catch((thrown: unknown) => (error ??= thrown));
  interaction.client.off(Events.InteractionCreate, onInteraction);

  if (error === undefined) {
    await render(true);
  } else {
    const correlationId = getLogContext().correlation_id ?? interaction.id;
    const text = describeLlmError(error, correlationId, messages);
    // The public "thinking…" placeholder goes; the explanation is private.
    if (state.text === '' && interaction.deferred && !options.ephemeral) await interaction.deleteReply().catch(() => {});
    if (state.text !== '') await render(true).catch(() => {});
    if (interaction.replied || interaction.deferred) await interaction.followUp({ content: text, flags: MessageFlags.Ephemeral }).catch(() => {});
    else await interaction.reply({ content: text, flags: MessageFlags.Ephemeral }).catch(() => {});
  }
  return { text: state.text, stopped: state.stopped, messages: Math.max(sent.length, 1), discordWrites: state.writes, result: stream.result, error };

  /** Reads the stream from `pending` on until it ends or Stop is pressed. */
  async function consume(pending: Promise<IteratorResult<string>>): Promise<void> {
    let step = pending;
    for (;;) {
      const next = await Promise.race([step, stopPressed]);
      if (next === 'stop') {
        // Ends the generator: the stream aborts the provider's connection and records what was used.
        void iterator.return?.(undefined).catch(() => {});
        return;
      }
      if (next.done) return;
      state.text += next.value;
      dirty = true;
      wake();
      step = iterator.next();
    }
  }
}

function delay(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms));
}
