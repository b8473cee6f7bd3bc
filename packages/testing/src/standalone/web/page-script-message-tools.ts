// Part of /app.js (see page-script.ts), inlined into its scope: what sits under a message (reaction chips and an
// emoji picker, reply, start a thread) and the "replying to" note, through /api/reactions, /api/threads.
export const messageToolsScript = String.raw`
  function react(message, emoji, mine) {
    var done = mine
      ? api('DELETE', '/api/reactions?messageId=' + encodeURIComponent(message.id) + '&userId=' + encodeURIComponent(ui.userId) + '&emoji=' + encodeURIComponent(emoji))
      : api('POST', '/api/reactions', { messageId: message.id, userId: ui.userId, emoji: emoji });
    done.then(function () { refreshMessages(true); }, function (error) { status(error.message, true); });
  }

  function renderReactions(message) {
    var chips = message.reactions.map(function (r) {
      var mine = r.userIds.indexOf(ui.userId) >= 0;
      return h('button', { type: 'button', class: 'reaction' + (mine ? ' mine' : ''), 'data-emoji': r.emoji, onclick: function () { react(message, r.emoji, mine); } }, r.emoji + ' ' + r.count);
    });
    var picker = h.apply(null, ['select', { class: 'react-picker', title: 'React', 'data-react': message.id,
      onchange: function (event) { if (event.target.value) react(message, event.target.value, false); } }, h('option', { value: '' }, '+☺')]
      .concat(QUICK_EMOJI.map(function (emoji) { return h('option', { value: emoji }, emoji); })));
    var tools = [picker, h('button', { type: 'button', class: 'link', 'data-reply': message.id, onclick: function () { ui.replyTo = message; renderReply(); } }, 'reply')];
    var g = guild();
    var inThread = g && g.threads.some(function (t) { return t.id === ui.channelId; });
    if (!ui.dm && !inThread && !message.ephemeral && !message.threadId) {
      tools.push(h('button', { type: 'button', class: 'link', 'data-start-thread': message.id, onclick: function () { startThread(message); } }, 'thread'));
    }
    return h.apply(null, ['div', { class: 'reactions' }].concat(chips, tools));
  }

  function startThread(message) {
    var name = (message.content || 'Thread').slice(0, 40);
    api('POST', '/api/threads', { channelId: ui.channelId, userId: ui.userId, name: name, messageId: message.id })
      .then(function (result) { return refreshState().then(function () { selectChannel(result.threadId); }); }, function (error) { status(error.message, true); });
  }

  function renderReply() {
    var note = $('reply-note');
    note.hidden = !ui.replyTo;
    note.replaceChildren();
    if (ui.replyTo) note.append('Replying to ' + ui.replyTo.authorName + ' ', h('button', { type: 'button', class: 'link', onclick: function () { ui.replyTo = null; renderReply(); } }, 'cancel'));
  }
`;
