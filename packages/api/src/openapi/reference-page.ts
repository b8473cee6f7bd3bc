// The interactive API reference: a self-contained page (no CDN, nothing loaded from elsewhere) that renders
// /api/v1/openapi.json and can send requests with the browser's session cookie.

export const REFERENCE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Baseline API reference</title>
<link rel="stylesheet" href="/api/v1/docs/reference.css">
</head>
<body>
<header><h1>Baseline API</h1><p id="info"></p><input id="filter" type="search" placeholder="Filter routes"></header>
<main id="routes"><p>Loading the OpenAPI document…</p></main>
<script src="/api/v1/docs/reference.js"></script>
</body>
</html>
`;

export const REFERENCE_CSS = `body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d1f24;background:#f6f7f9}
header{padding:16px 24px;background:#23272f;color:#fff}header h1{margin:0 0 4px;font-size:20px}
header p{margin:0 0 8px;opacity:.8}#filter{width:320px;padding:6px 8px;border-radius:4px;border:0}
main{padding:16px 24px;max-width:1100px}h2{margin:24px 0 8px;text-transform:capitalize}
details{background:#fff;border:1px solid #dfe2e7;border-radius:6px;margin:6px 0}
summary{padding:8px 12px;cursor:pointer;display:flex;gap:10px;align-items:center}
.m{font:600 12px monospace;padding:2px 6px;border-radius:3px;color:#fff;min-width:54px;text-align:center}
.GET{background:#2f7d32}.POST{background:#1565c0}.PUT{background:#ef6c00}.DELETE{background:#c62828}.PATCH{background:#6a1b9a}
.p{font-family:monospace}.a{margin-left:auto;font-size:12px;color:#5b6270}.body{padding:0 12px 12px}
pre{background:#f0f2f5;padding:8px;overflow:auto;border-radius:4px;max-height:320px}
label{display:block;margin:6px 0 2px;font-weight:600}input.f,textarea{width:100%;box-sizing:border-box;font-family:monospace}
button{margin-top:8px;padding:6px 12px}
`;

export const REFERENCE_JS = `(function () {
  'use strict';
  var el = function (tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { if (k === 'text') node.textContent = attrs[k]; else node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.appendChild(c); });
    return node;
  };
  var json = function (value) { return JSON.stringify(value, null, 2); };
  var csrf = null;
  function csrfToken() {
    if (csrf) return Promise.resolve(csrf);
    return fetch('/api/v1/auth/me', { credentials: 'include' }).then(function (r) { return r.ok ? r.json() : {}; })
      .then(function (me) { csrf = me.csrf_token || ''; return csrf; });
  }
  function operation(path, method, op) {
    var params = op.parameters || [];
    var inputs = {};
    var form = el('div', {}, params.map(function (p) {
      var input = el('input', { class: 'f', placeholder: p.in + (p.required ? ', required' : '') });
      inputs[p.name] = { input: input, where: p.in };
      return el('div', {}, [el('label', { text: p.name + (p.description ? ' – ' + p.description : '') }), input]);
    }));
    var body = null;
    if (op.requestBody) {
      body = el('textarea', { rows: '6' });
      form.appendChild(el('label', { text: 'JSON body' }));
      form.appendChild(body);
      form.appendChild(el('pre', { text: json(op.requestBody.content['application/json'].schema) }));
    }
    var out = el('pre', { text: '' });
    var send = el('button', { text: 'Send' });
    send.addEventListener('click', function () {
      var url = path;
      var query = new URLSearchParams();
      Object.keys(inputs).forEach(function (name) {
        var v = inputs[name].input.value;
        if (!v) return;
        if (inputs[name].where === 'path') url = url.replace('{' + name + '}', encodeURIComponent(v));
        else query.append(name, v);
      });
      if (query.toString()) url += '?' + query.toString();
      var unsafe = method !== 'get';
      (unsafe ? csrfToken() : Promise.resolve('')).then(function (token) {
        var headers = {};
        if (unsafe && token) headers['x-csrf-token'] = token;
        if (body && body.value) headers['content-type'] = 'application/json';
        return fetch(url, { method: method.toUpperCase(), credentials: 'include', headers: headers, body: body && body.value ? body.value : undefined });
      }).then(function (r) {
        return r.text().then(function (t) { out.textContent = r.status + ' ' + r.statusText + '\\n' + t; });
      }).catch(function (e) { out.textContent = String(e); });
    });
    var responses = el('pre', { text: json(op.responses) });
    return el('details', { 'data-search': (method + ' ' + path + ' ' + op.summary).toLowerCase() }, [
      el('summary', {}, [el('span', { class: 'm ' + method.toUpperCase(), text: method.toUpperCase() }), el('span', { class: 'p', text: path }),
        el('span', { text: op.summary || '' }), el('span', { class: 'a', text: op['x-baseline-access'] || '' })]),
      el('div', { class: 'body' }, [el('p', { text: op.description || '' }), form, send, out, el('label', { text: 'Responses' }), responses]),
    ]);
  }
  fetch('/api/v1/openapi.json').then(function (r) { return r.json(); }).then(function (doc) {
    document.getElementById('info').textContent = 'OpenAPI ' + doc.openapi + ' · version ' + doc.info.version + ' · ' + doc.info.description;
    var groups = {};
    Object.keys(doc.paths).forEach(function (path) {
      Object.keys(doc.paths[path]).forEach(function (method) {
        var op = doc.paths[path][method];
        var tag = (op.tags && op.tags[0]) || 'other';
        (groups[tag] = groups[tag] || []).push(operation(path, method, op));
      });
    });
    var root = document.getElementById('routes');
    root.textContent = '';
    Object.keys(groups).sort().forEach(function (tag) {
      root.appendChild(el('h2', { text: tag }));
      groups[tag].forEach(function (node) { root.appendChild(node); });
    });
    document.getElementById('filter').addEventListener('input', function (e) {
      var q = e.target.value.toLowerCase();
      document.querySelectorAll('details').forEach(function (d) { d.style.display = d.getAttribute('data-search').indexOf(q) >= 0 ? '' : 'none'; });
    });
  });
})();
`;
