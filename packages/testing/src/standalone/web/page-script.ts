// The web page's behaviour, served as /app.js: plain ES2017 in the browser, no build step. It renders guilds,
// channels with their threads, a DM view per user, members and messages with reactions (polled), builds a form
// from the selected slash command's registered options, and drives the emulator (invoke, click, select, modal
// submit, post, reply, react, type, start threads, add/edit/remove members) through the control API.
import { membersScript } from './page-script-members.js';
import { messageToolsScript } from './page-script-message-tools.js';

export const pageScript = String.raw`
'use strict';
(function () {
  var TYPE = { SUB: 1, GROUP: 2, STRING: 3, INTEGER: 4, BOOLEAN: 5, USER: 6, CHANNEL: 7, ROLE: 8, MENTIONABLE: 9, NUMBER: 10, ATTACHMENT: 11 };
  var ui = { state: null, guildId: null, channelId: null, userId: null, dm: false, replyTo: null, lastMessages: '', lastCommands: '', lastTyping: 0, lastMembers: '' };
  var QUICK_EMOJI = ['👍', '❤️', '😂', '🎉', '👀'];
  var $ = function (id) { return document.getElementById(id); };

  function h(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === undefined || value === null || value === false) return;
      if (key === 'text') node.textContent = value;
      else if (key.slice(0, 2) === 'on') node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : String(value));
    });
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  function api(method, path, body) {
    return fetch(path, { method: method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined })
      .then(function (response) {
        return response.json().then(function (data) {
          if (!response.ok) throw new Error(data && data.error ? data.error : 'HTTP ' + response.status);
          return data;
        });
      });
  }

  function status(text, isError) {
    var node = $('status');
    node.textContent = text;
    node.className = isError ? 'error' : '';
  }

  function guild() {
    if (!ui.state) return null;
    return ui.state.guilds.find(function (g) { return g.id === ui.guildId; }) || null;
  }

  // ---- guilds, channels, users
  function renderGuilds() {
    var box = $('guilds');
    box.replaceChildren();
    ui.state.guilds.forEach(function (g) {
      var initials = g.name.split(/\s+/).map(function (word) { return word.charAt(0); }).join('').slice(0, 3);
      box.appendChild(h('button', { title: g.name, 'data-guild': g.id, class: g.id === ui.guildId ? 'selected' : '', onclick: function () { selectGuild(g.id); } }, initials));
    });
  }

  function renderChannels() {
    var g = guild();
    var box = $('channels');
    box.replaceChildren();
    $('guild-name').textContent = g ? g.name + (g.botIsMember ? '' : ' (bot not in guild)') : 'No guild';
    if (!g) return;
    var byParent = {};
    g.channels.forEach(function (c) { var key = c.parentId || ''; (byParent[key] = byParent[key] || []).push(c); });
    function threadButtons(parentId) {
      return g.threads.filter(function (t) { return t.parentId === parentId; }).map(function (t) {
        return h('button', { class: 'channel thread' + (t.id === ui.channelId ? ' selected' : ''), 'data-thread': t.name, onclick: function () { selectChannel(t.id); } },
          '🧵 ' + t.name + (t.archived ? ' (archived)' : ''));
      });
    }
    function channelButton(c) {
      var text = c.type === 2 || c.type === 13 ? '♪ ' + c.name : '# ' + c.name;
      var usable = [0, 5, 10, 11, 12].indexOf(c.type) >= 0;
      box.appendChild(h('button', { class: 'channel' + (c.id === ui.channelId ? ' selected' : ''), 'data-name': c.name, disabled: !usable, onclick: function () { selectChannel(c.id); } }, text));
      threadButtons(c.id).forEach(function (button) { box.appendChild(button); });
    }
    (byParent[''] || []).forEach(function (c) {
      if (c.type === 4) {
        box.appendChild(h('div', { class: 'category' }, c.name));
        (byParent[c.id] || []).forEach(channelButton);
      } else channelButton(c);
    });
    box.appendChild(h('div', { class: 'category' }, 'Direct messages'));
    box.appendChild(h('button', { class: 'channel' + (ui.dm ? ' selected' : ''), 'data-dm': 'true', onclick: selectDm }, '✉ DM with ' + ui.state.application.botName));
    renderMembers();
  }

${membersScript}
  function selectGuild(id) {
    ui.guildId = id;
    var g = guild();
    var first = g && g.channels.find(function (c) { return c.type === 0; });
    ui.channelId = first ? first.id : null;
    ui.lastCommands = '';
    renderGuilds();
    renderUsers();
    renderChannels();
    renderCommands();
    refreshMessages(true);
  }

  function selectChannel(id) {
    ui.channelId = id;
    ui.dm = false;
    ui.replyTo = null;
    renderReply();
    renderChannels();
    refreshMessages(true);
  }

  // The DM view follows the user acted as: each user has their own DM channel with the bot.
  function selectDm() {
    if (!ui.userId) return status('Pick a user first.', true);
    api('POST', '/api/dm-channel', { userId: ui.userId }).then(function (result) {
      ui.channelId = result.channelId;
      ui.dm = true;
      ui.replyTo = null;
      renderReply();
      renderChannels();
      refreshMessages(true);
    }, function (error) { status(error.message, true); });
  }

  // ---- commands
  function commands() { var g = guild(); return g ? g.commands : []; }
  function currentCommand() {
    var name = $('command-select').value;
    return commands().find(function (c) { return c.name === name; }) || null;
  }

  function subcommandPaths(command) {
    var paths = [];
    (command.options || []).forEach(function (option) {
      if (option.type === TYPE.SUB) paths.push({ label: option.name, sub: option.name, options: option.options || [] });
      if (option.type === TYPE.GROUP) (option.options || []).forEach(function (child) {
        paths.push({ label: option.name + ' ' + child.name, group: option.name, sub: child.name, options: child.options || [] });
      });
    });
    return paths;
  }

  function renderCommands() {
    var list = commands();
    var signature = JSON.stringify(list);
    if (signature === ui.lastCommands) return;
    ui.lastCommands = signature;
    var select = $('command-select');
    var previous = select.value;
    select.replaceChildren.apply(select, list.map(function (c) { return h('option', { value: c.name, selected: c.name === previous }, '/' + c.name); }));
    $('run-command').disabled = list.length === 0;
    if (list.length === 0) select.appendChild(h('option', { value: '' }, 'no commands registered'));
    renderSubcommands();
  }

  function renderSubcommands() {
    var command = currentCommand();
    var paths = command ? subcommandPaths(command) : [];
    var select = $('subcommand-select');
    $('subcommand-label').hidden = paths.length === 0;
    select.replaceChildren.apply(select, paths.map(function (p, i) { return h('option', { value: String(i) }, p.label); }));
    renderOptions();
  }

  function currentOptions() {
    var command = currentCommand();
    if (!command) return { options: [] };
    var paths = subcommandPaths(command);
    if (paths.length === 0) return { options: command.options || [] };
    return paths[Number($('subcommand-select').value) || 0];
  }

  function optionInput(option) {
    var g = guild();
    var attrs = { name: option.name, 'data-type': option.type, required: option.required === true };
    if (option.choices && option.choices.length) {
      return h.apply(null, ['select', attrs, h('option', { value: '' }, '')].concat(option.choices.map(function (choice) {
        return h('option', { value: String(choice.value) }, choice.name);
      })));
    }
    function pick(items) {
      return h.apply(null, ['select', attrs, h('option', { value: '' }, '')].concat(items));
    }
    switch (option.type) {
      case TYPE.INTEGER: return h('input', Object.assign(attrs, { type: 'number', step: '1', min: option.min_value, max: option.max_value }));
      case TYPE.NUMBER: return h('input', Object.assign(attrs, { type: 'number', step: 'any', min: option.min_value, max: option.max_value }));
      case TYPE.BOOLEAN: return pick([h('option', { value: 'true' }, 'true'), h('option', { value: 'false' }, 'false')]);
      case TYPE.USER: return pick(g.members.map(function (m) { return h('option', { value: m.id }, m.displayName); }));
      case TYPE.ROLE: return pick(g.roles.map(function (r) { return h('option', { value: r.id }, r.name); }));
      case TYPE.MENTIONABLE: return pick(g.members.map(function (m) { return h('option', { value: m.id }, '@' + m.displayName); })
        .concat(g.roles.map(function (r) { return h('option', { value: r.id }, '@' + r.name + ' (role)'); })));
      case TYPE.CHANNEL: return pick(g.channels.filter(function (c) { return !option.channel_types || option.channel_types.indexOf(c.type) >= 0; })
        .map(function (c) { return h('option', { value: c.id }, '#' + c.name); }));
      case TYPE.ATTACHMENT: return h('input', { name: option.name, disabled: true, placeholder: 'attachments not supported' });
      default: return h('input', Object.assign(attrs, { type: 'text', minlength: option.min_length, maxlength: option.max_length }));
    }
  }

  function renderOptions() {
    var box = $('option-fields');
    box.replaceChildren.apply(box, currentOptions().options.map(function (option) {
      return h('label', { title: option.description || '' }, option.name + (option.required ? ' *' : ''), optionInput(option));
    }));
  }

  function optionValues() {
    var values = {};
    $('option-fields').querySelectorAll('[data-type]').forEach(function (input) {
      if (input.value === '') return;
      var type = Number(input.getAttribute('data-type'));
      if (type === TYPE.INTEGER || type === TYPE.NUMBER) values[input.name] = Number(input.value);
      else if (type === TYPE.BOOLEAN) values[input.name] = input.value === 'true';
      else values[input.name] = input.value;
    });
    return values;
  }

  function runCommand(event) {
    event.preventDefault();
    var command = currentCommand();
    if (!command || !ui.channelId || !ui.userId) return status('Pick a user, a channel and a command first.', true);
    if (ui.dm) return status('Slash commands run in guild channels here; pick a channel.', true);
    var path = currentOptions();
    var body = { guildId: ui.guildId, channelId: ui.channelId, userId: ui.userId, name: command.name, options: optionValues() };
    if (path.sub) body.subcommand = path.sub;
    if (path.group) body.subcommandGroup = path.group;
    status('Running /' + command.name + '…');
    api('POST', '/api/invoke', body).then(function (result) { track(result.interactionId, '/' + command.name); }, function (error) { status(error.message, true); });
  }

  // ---- interactions
  function track(interactionId, label) {
    var tries = 0;
    function poll() {
      api('GET', '/api/interaction?id=' + encodeURIComponent(interactionId)).then(function (info) {
        tries++;
        if (info.modal) { status(label + ': the bot opened a modal.'); return showModal(info); }
        if (info.response) {
          var kind = { 4: 'replied', 5: 'deferred its reply', 6: 'acknowledged', 7: 'updated the message', 8: 'sent choices' }[info.response.type] || 'answered';
          status(label + ': the bot ' + kind + (info.response.ephemeral ? ' (ephemeral: only you can see it)' : '') + '.');
          return refreshMessages(true);
        }
        if (info.failed) return status(label + ': the bot did not respond in time (interaction failed).', true);
        if (tries < 100) setTimeout(poll, 150);
      }, function (error) { status(error.message, true); });
    }
    poll();
  }

  function showModal(info) {
    var modal = info.modal;
    var form = $('modal-form');
    var inputs = [];
    (modal.components || []).forEach(function (row) {
      var items = row.type === 18 && row.component ? [row.component] : row.components || [];
      items.forEach(function (component) {
        if (component.type !== 4) return;
        var attrs = { name: component.custom_id, value: component.value || '', placeholder: component.placeholder || '', required: component.required !== false };
        inputs.push(h('label', {}, component.label || row.label || component.custom_id, component.style === 2 ? h('textarea', attrs) : h('input', attrs)));
      });
    });
    form.replaceChildren.apply(form, [h('strong', {}, modal.title || 'Modal')].concat(inputs, [
      h('div', { class: 'row' }, h('button', { class: 'primary', value: 'submit' }, 'Submit'), h('button', { value: 'cancel', formnovalidate: true }, 'Cancel')),
    ]));
    var dialog = $('modal');
    dialog.onclose = function () {
      if (dialog.returnValue !== 'submit') return status('Modal dismissed.');
      var fields = {};
      form.querySelectorAll('[name]').forEach(function (input) { fields[input.name] = input.value; });
      api('POST', '/api/modal', { guildId: info.guildId, channelId: info.channelId, userId: ui.userId, customId: modal.custom_id, fields: fields })
        .then(function (result) { track(result.interactionId, 'modal ' + modal.custom_id); }, function (error) { status(error.message, true); });
    };
    dialog.showModal();
  }

  function clickComponent(message, component, values) {
    var body = { messageId: message.id, customId: component.custom_id, userId: ui.userId };
    if (values) body.values = values;
    api('POST', '/api/component', body).then(function (result) { track(result.interactionId, '[' + component.custom_id + ']'); }, function (error) { status(error.message, true); });
  }

  // ---- messages
  function renderComponent(message, component) {
    if (component.type === 1) return h.apply(null, ['div', { class: 'row' }].concat((component.components || []).map(function (child) { return renderComponent(message, child); })));
    if (component.type === 2) {
      var label = (component.emoji && component.emoji.name ? component.emoji.name + ' ' : '') + (component.label || '');
      if (component.style === 5) return h('a', { href: component.url, target: '_blank', rel: 'noreferrer' }, h('button', { class: 'style-5', type: 'button' }, label + ' ↗'));
      return h('button', { type: 'button', class: 'style-' + (component.style || 2), disabled: component.disabled === true, 'data-custom-id': component.custom_id,
        onclick: function () { clickComponent(message, component); } }, label);
    }
    if (component.type === 3) {
      return h.apply(null, ['select', { 'data-custom-id': component.custom_id, disabled: component.disabled === true,
        onchange: function (event) { if (event.target.value) clickComponent(message, component, [event.target.value]); } },
        h('option', { value: '' }, component.placeholder || 'Choose…')].concat((component.options || []).map(function (o) { return h('option', { value: o.value }, o.label); })));
    }
    if (component.type === 10) return h('div', { class: 'content' }, component.content || '');
    if (component.components) return h.apply(null, ['div', {}].concat(component.components.map(function (child) { return renderComponent(message, child); })));
    return null;
  }

  function renderEmbed(embed) {
    return h.apply(null, ['div', { class: 'embed' },
      embed.title ? h('div', { class: 'title' }, embed.title) : null,
      embed.description ? h('div', { class: 'content' }, embed.description) : null].concat((embed.fields || []).map(function (field) {
        return h('div', {}, h('strong', {}, field.name + ': '), field.value);
      }), [embed.footer && embed.footer.text ? h('div', { class: 'hint' }, embed.footer.text) : null]));
  }

${messageToolsScript}
  function renderMessage(message) {
    var time = new Date(message.timestamp).toLocaleTimeString();
    return h.apply(null, ['div', { class: 'message' + (message.ephemeral ? ' ephemeral' : ''), 'data-message-id': message.id, 'data-ephemeral': message.ephemeral ? 'true' : 'false' },
      message.interaction ? h('div', { class: 'used' }, message.interaction.userName + ' used ' + message.interaction.name) : null,
      message.replyTo ? h('div', { class: 'used' }, '↪ reply') : null,
      h('div', {}, h('span', { class: 'author' }, message.authorName), message.bot ? h('span', { class: 'tag' }, 'BOT') : null, h('span', { class: 'time' }, time)),
      message.loading ? h('div', { class: 'note' }, message.authorName + ' is thinking…') : null,
      message.content ? h('div', { class: 'content' }, message.content, message.edited ? h('span', { class: 'edited' }, ' (edited)') : null) : null]
      .concat(message.embeds.map(renderEmbed), message.components.map(function (c) { return renderComponent(message, c); }),
        [message.ephemeral ? h('div', { class: 'note' }, 'Only you can see this') : null,
          message.threadId ? h('button', { type: 'button', class: 'link', onclick: function () { selectChannel(message.threadId); } }, '🧵 open thread') : null,
          message.ephemeral ? null : renderReactions(message)]));
  }

  function refreshMessages(force) {
    if (!ui.channelId) { $('messages').replaceChildren(); return; }
    var g = guild();
    var channel = g && (g.channels.find(function (c) { return c.id === ui.channelId; }) || g.threads.find(function (t) { return t.id === ui.channelId; }));
    $('channel-title').textContent = ui.dm ? '✉ DM with ' + ui.state.application.botName : channel ? (channel.parentId && channel.type >= 10 && channel.type <= 12 ? '🧵 ' : '# ') + channel.name : '';
    return api('GET', '/api/messages?channel=' + encodeURIComponent(ui.channelId) + '&user=' + encodeURIComponent(ui.userId || '')).then(function (data) {
      var signature = JSON.stringify(data.messages);
      if (!force && signature === ui.lastMessages) return;
      ui.lastMessages = signature;
      var box = $('messages');
      var atBottom = box.scrollTop + box.clientHeight >= box.scrollHeight - 40;
      box.replaceChildren.apply(box, data.messages.length ? data.messages.map(renderMessage) : [h('div', { class: 'hint' }, 'No messages yet.')]);
      if (atBottom || force) box.scrollTop = box.scrollHeight;
    }, function (error) { status(error.message, true); });
  }

  function refreshState() {
    return api('GET', '/api/state').then(function (state) {
      var first = !ui.state;
      ui.state = state;
      $('app-info').textContent = 'bot ' + state.application.botName + ' · app id ' + state.application.id + ' · REST ' + state.urls.rest;
      if (first || !guild()) return selectGuild(state.guilds.length ? state.guilds[0].id : null);
      renderGuilds();
      renderCommands();
      renderUsers();
      renderChannels();
    }, function (error) { status('Emulator unreachable: ' + error.message, true); });
  }

  $('user-select').addEventListener('change', function (event) {
    ui.userId = event.target.value;
    if (ui.dm) selectDm();
    else refreshMessages(true);
  });
  $('message-input').addEventListener('input', function () {
    // Discord clients re-send typing every ~8 s while the user types.
    if (!ui.channelId || !ui.userId || Date.now() - ui.lastTyping < 8000) return;
    ui.lastTyping = Date.now();
    api('POST', '/api/typing', { channelId: ui.channelId, userId: ui.userId }).catch(function () {});
  });
  $('command-select').addEventListener('change', renderSubcommands);
  $('subcommand-select').addEventListener('change', renderOptions);
  $('command-form').addEventListener('submit', runCommand);
  $('message-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var input = $('message-input');
    if (!input.value || !ui.channelId || !ui.userId) return;
    var body = { channelId: ui.channelId, userId: ui.userId, content: input.value };
    if (ui.replyTo) body.replyTo = ui.replyTo.id;
    api('POST', '/api/message', body)
      .then(function () { input.value = ''; ui.replyTo = null; ui.lastTyping = 0; renderReply(); refreshMessages(true); }, function (error) { status(error.message, true); });
  });

  refreshState();
  setInterval(refreshState, 2000);
  setInterval(function () { refreshMessages(false); }, 800);
})();
`;
