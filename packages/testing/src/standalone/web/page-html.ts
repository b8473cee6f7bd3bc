/** The emulator's web page: plain HTML and CSS; behaviour lives in `/app.js` (page-script.ts). */
export const pageHtml = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Baseline Discord emulator</title>
<style>
  :root { color-scheme: dark; --bg: #313338; --side: #2b2d31; --deep: #1e1f22; --text: #dbdee1; --muted: #949ba4; --accent: #5865f2; --ok: #23a559; --bad: #da373c; }
  * { box-sizing: border-box; }
  [hidden] { display: none !important; }
  body { margin: 0; font: 14px/1.4 system-ui, sans-serif; background: var(--bg); color: var(--text); display: grid; grid-template-columns: 72px 240px 1fr; grid-template-rows: 48px 1fr; height: 100vh; }
  header { grid-column: 1 / 4; display: flex; align-items: center; gap: 16px; padding: 0 16px; background: var(--deep); }
  header h1 { font-size: 16px; margin: 0; }
  header .spacer { flex: 1; }
  #guilds { background: var(--deep); padding: 8px; display: flex; flex-direction: column; gap: 8px; overflow-y: auto; }
  #guilds button { width: 48px; height: 48px; border-radius: 50%; border: 0; background: var(--bg); color: var(--text); cursor: pointer; font-weight: 600; }
  #guilds button.selected { border-radius: 16px; background: var(--accent); }
  #sidebar { background: var(--side); padding: 8px; overflow-y: auto; }
  #sidebar h2 { font-size: 15px; margin: 4px 8px 12px; }
  .category { text-transform: uppercase; font-size: 11px; color: var(--muted); margin: 12px 8px 4px; }
  .channel { display: block; width: 100%; text-align: left; padding: 6px 8px; border: 0; border-radius: 4px; background: none; color: var(--muted); cursor: pointer; font: inherit; }
  .channel:hover, .channel.selected { background: #404249; color: var(--text); }
  .channel[disabled] { cursor: default; opacity: .6; }
  main { display: flex; flex-direction: column; min-height: 0; }
  #channel-title { padding: 12px 16px; border-bottom: 1px solid var(--deep); font-weight: 600; }
  #messages { flex: 1; overflow-y: auto; padding: 8px 16px; }
  .message { padding: 6px 8px; border-radius: 4px; margin: 2px 0; }
  .message.ephemeral { background: rgba(88, 101, 242, .12); border-left: 3px solid var(--accent); }
  .message .used { color: var(--muted); font-size: 12px; }
  .message .author { font-weight: 600; margin-right: 6px; }
  .message .tag { background: var(--accent); color: white; font-size: 10px; padding: 1px 4px; border-radius: 3px; margin-right: 6px; }
  .message .time, .message .note, .message .edited { color: var(--muted); font-size: 12px; }
  .message .content { white-space: pre-wrap; word-wrap: break-word; }
  .embed { border-left: 4px solid var(--accent); background: var(--side); padding: 8px 12px; margin-top: 4px; border-radius: 4px; max-width: 520px; }
  .embed .title { font-weight: 600; }
  .row { display: flex; gap: 8px; margin-top: 6px; flex-wrap: wrap; }
  .row button { border: 0; border-radius: 4px; padding: 6px 14px; color: white; cursor: pointer; font: inherit; }
  .style-1 { background: var(--accent); } .style-2 { background: #4e5058; } .style-3 { background: var(--ok); } .style-4 { background: var(--bad); } .style-5 { background: #4e5058; }
  .row button[disabled] { opacity: .5; cursor: default; }
  #composer { border-top: 1px solid var(--deep); padding: 12px 16px; display: grid; gap: 8px; }
  #composer form { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; }
  label { display: flex; flex-direction: column; gap: 2px; font-size: 12px; color: var(--muted); }
  input, select { background: var(--deep); color: var(--text); border: 1px solid #3f4147; border-radius: 4px; padding: 6px 8px; font: inherit; min-width: 140px; }
  button.primary { background: var(--accent); color: white; border: 0; border-radius: 4px; padding: 7px 16px; cursor: pointer; font: inherit; }
  #status { min-height: 20px; font-size: 13px; color: var(--muted); }
  #status.error { color: var(--bad); }
  dialog { background: var(--bg); color: var(--text); border: 1px solid var(--deep); border-radius: 8px; min-width: 360px; }
  dialog form { display: grid; gap: 10px; }
  .hint { color: var(--muted); font-size: 12px; }
  .channel.thread { padding-left: 24px; font-size: 13px; }
  .member { padding: 2px 8px; font-size: 13px; }
  button.link { background: none; border: 0; color: var(--accent); cursor: pointer; font: inherit; font-size: 12px; padding: 0 4px; }
  .reactions { display: flex; gap: 4px; align-items: center; margin-top: 4px; flex-wrap: wrap; }
  .reaction { background: var(--side); border: 1px solid #3f4147; border-radius: 8px; color: var(--text); padding: 1px 6px; cursor: pointer; font: inherit; font-size: 12px; }
  .reaction.mine { border-color: var(--accent); background: rgba(88, 101, 242, .2); }
  .react-picker { min-width: 0; padding: 0 2px; font-size: 12px; }
  .check { flex-direction: row; align-items: center; gap: 6px; }
  #members-title { margin-top: 16px; }
  #join-form input, #join-form select { min-width: 0; width: 100%; }
  code { background: var(--deep); padding: 1px 4px; border-radius: 3px; }
</style>
</head>
<body>
<header>
  <h1>Baseline Discord emulator</h1>
  <span class="hint" id="app-info"></span>
  <span class="spacer"></span>
  <label>Acting as <select id="user-select" data-testid="user-select"></select></label>
</header>
<nav id="guilds" aria-label="Guilds"></nav>
<aside id="sidebar"><h2 id="guild-name">Loading…</h2><div id="channels"></div><div class="category" id="members-title">Members</div><div id="members"></div></aside>
<main>
  <div id="channel-title">Pick a channel</div>
  <div id="messages" aria-live="polite"></div>
  <div id="composer">
    <form id="command-form" autocomplete="off">
      <label>Command <select id="command-select" data-testid="command-select"></select></label>
      <label id="subcommand-label" hidden>Subcommand <select id="subcommand-select"></select></label>
      <span id="option-fields" style="display: contents"></span>
      <button class="primary" id="run-command" type="submit">Run</button>
    </form>
    <div id="reply-note" class="hint" hidden></div>
    <form id="message-form" autocomplete="off">
      <label style="flex: 1">Message <input id="message-input" placeholder="Say something as the selected user"></label>
      <button class="primary" type="submit">Send</button>
    </form>
    <div id="status" role="status"></div>
  </div>
</main>
<dialog id="modal"><form method="dialog" id="modal-form"></form></dialog>
<dialog id="member-dialog"><form method="dialog" id="member-form"></form></dialog>
<script src="/app.js"></script>
</body>
</html>
`;
