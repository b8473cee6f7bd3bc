// Part of /app.js (see page-script.ts), inlined into its scope: the members panel (add a user to the guild, edit a
// member's nickname and roles in a dialog, remove a member) through the control API's /api/users and /api/members.
export const membersScript = String.raw`
  // ---- members: join, leave, nickname, roles
  function renderMembers() {
    var g = guild();
    var box = $('members');
    // Rebuilt only on change, so a half-typed username survives the state polling.
    var signature = JSON.stringify([g && g.id, g && g.members, g && g.roles, ui.state.users]);
    if (signature === ui.lastMembers) return;
    ui.lastMembers = signature;
    box.replaceChildren();
    if (!g) return;
    g.members.forEach(function (m) {
      var roleNames = m.roles.map(function (id) { var r = g.roles.find(function (role) { return role.id === id; }); return r ? r.name : id; });
      box.appendChild(h('div', { class: 'member', 'data-member': m.username },
        h('span', { class: 'author' }, m.displayName), m.bot ? h('span', { class: 'tag' }, 'BOT') : null,
        h('span', { class: 'hint' }, roleNames.length ? ' ' + roleNames.join(', ') : ''),
        m.bot ? null : h('button', { class: 'link', title: 'Edit nickname and roles', onclick: function () { editMember(m); } }, 'edit'),
        m.bot || m.id === g.ownerId ? null : h('button', { class: 'link', title: 'Remove from the guild', onclick: function () { removeMember(m); } }, 'remove')));
    });
    var outside = ui.state.users.filter(function (u) { return !g.members.some(function (m) { return m.id === u.id; }); });
    var select = h.apply(null, ['select', { id: 'join-user' }].concat(outside.map(function (u) { return h('option', { value: u.id }, u.displayName + ' (@' + u.username + ')'); })));
    box.appendChild(h('form', { class: 'row', id: 'join-form', onsubmit: function (event) {
      event.preventDefault();
      var name = $('new-username').value.trim();
      var add = function (userId) { return api('POST', '/api/members', { guildId: g.id, userId: userId }); };
      var done = name ? api('POST', '/api/users', { username: name }).then(function (user) { return add(user.id); }) : select.value ? add(select.value) : Promise.reject(new Error('Pick or name a user to add.'));
      done.then(function (result) { status(result.member.displayName + ' joined ' + g.name + '.'); $('new-username').value = ''; refreshState(); }, function (error) { status(error.message, true); });
    } }, outside.length ? select : null, h('input', { id: 'new-username', placeholder: 'or a new username' }), h('button', { class: 'primary', type: 'submit' }, 'Add member')));
  }

  function editMember(m) {
    var g = guild();
    var form = $('member-form');
    var boxes = g.roles.filter(function (r) { return r.id !== g.id && !r.managed; }).map(function (r) {
      return h('label', { class: 'check' }, h('input', { type: 'checkbox', value: r.id, checked: m.roles.indexOf(r.id) >= 0 }), r.name);
    });
    form.replaceChildren.apply(form, [h('strong', {}, 'Member ' + m.username), h('label', {}, 'Nickname', h('input', { name: 'nick', value: m.nick || '' }))].concat(boxes, [
      h('div', { class: 'row' }, h('button', { class: 'primary', value: 'save' }, 'Save'), h('button', { value: 'cancel', formnovalidate: true }, 'Cancel')),
    ]));
    var dialog = $('member-dialog');
    dialog.onclose = function () {
      if (dialog.returnValue !== 'save') return;
      var roles = [];
      form.querySelectorAll('input[type=checkbox]').forEach(function (input) { if (input.checked) roles.push(input.value); });
      var nick = form.querySelector('[name=nick]').value;
      api('PATCH', '/api/members', { guildId: g.id, userId: m.id, nick: nick || null, roles: roles })
        .then(function (result) { status(result.member.displayName + ' updated.'); refreshState(); }, function (error) { status(error.message, true); });
    };
    dialog.showModal();
  }

  function removeMember(m) {
    var g = guild();
    api('DELETE', '/api/members?guildId=' + encodeURIComponent(g.id) + '&userId=' + encodeURIComponent(m.id))
      .then(function () { status(m.displayName + ' left ' + g.name + '.'); refreshState(); }, function (error) { status(error.message, true); });
  }

  function renderUsers() {
    var g = guild();
    var select = $('user-select');
    var humans = g ? g.members.filter(function (m) { return !m.bot; }) : [];
    if (!humans.some(function (m) { return m.id === ui.userId; })) ui.userId = humans.length ? humans[0].id : null;
    select.replaceChildren.apply(select, humans.map(function (m) {
      return h('option', { value: m.id, selected: m.id === ui.userId }, m.displayName + ' (@' + m.username + ')');
    }));
  }
`;
