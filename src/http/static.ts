// The dashboard's only static files, served by the worker itself with long
// caching: a small stylesheet, a favicon, and a few lines of script that add
// "Copy" buttons. Pages work without the script (drafts sit in selectable text
// areas); with it, one click copies a draft.

export const STYLE = `
:root { --fg:#1d232b; --muted:#5b6673; --line:#d9dee4; --bg:#f6f7f9; --card:#fff; --accent:#1f6f5c; --accent-fg:#fff; --warn:#9a3b00; --bad:#a4262c; --ok:#1f6f3c; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin:0; font:16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--fg); background:var(--bg); }
a { color:var(--accent); }
header.top { background:var(--card); border-bottom:1px solid var(--line); }
header.top .inner, main { max-width:960px; margin:0 auto; padding:0.75rem 1rem; }
header.top .inner { display:flex; flex-wrap:wrap; align-items:center; gap:0.5rem 1.25rem; }
header.top .brand { font-weight:700; font-size:1.15rem; text-decoration:none; color:var(--fg); margin-right:auto; }
header.top nav { display:flex; flex-wrap:wrap; gap:0.25rem 1rem; align-items:center; }
header.top nav a[aria-current=page] { font-weight:700; color:var(--fg); text-decoration:none; }
h1 { font-size:1.5rem; margin:0.75rem 0 0.25rem; overflow-wrap:anywhere; }
h2 { font-size:1.15rem; margin:1.75rem 0 0.5rem; }
.muted { color:var(--muted); }
.small { font-size:0.875rem; }
.card { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:0.75rem 1rem; margin:0.75rem 0; }
.flash { border-radius:8px; padding:0.6rem 1rem; margin:0.75rem 0; background:#e7f4ee; border:1px solid #b5dcc8; }
.flash.error { background:#fbeaea; border-color:#efc0c0; }
table { width:100%; border-collapse:collapse; background:var(--card); border:1px solid var(--line); border-radius:8px; overflow:hidden; }
th, td { text-align:left; padding:0.5rem 0.6rem; border-bottom:1px solid var(--line); vertical-align:top; overflow-wrap:anywhere; }
th { font-size:0.8rem; text-transform:uppercase; letter-spacing:0.03em; color:var(--muted); background:#fafbfc; }
tr:last-child td { border-bottom:0; }
.badge { display:inline-block; font-size:0.78rem; padding:0.05rem 0.5rem; border-radius:999px; background:#eef1f4; color:var(--fg); white-space:nowrap; }
.badge.active, .badge.sent, .badge.done { background:#e3f3ea; color:var(--ok); }
.badge.needs_review, .badge.retrying { background:#fff1de; color:var(--warn); }
.badge.failed { background:#fbeaea; color:var(--bad); }
.badge.paused, .badge.stopped, .badge.skipped { background:#eceef1; color:var(--muted); }
.filters { display:flex; flex-wrap:wrap; gap:0.4rem; margin:0.5rem 0; }
.filters a { padding:0.2rem 0.7rem; border:1px solid var(--line); border-radius:999px; background:var(--card); text-decoration:none; color:var(--fg); }
.filters a[aria-current=true] { background:var(--accent); border-color:var(--accent); color:var(--accent-fg); }
form.inline { display:inline; }
form.inline.row { display:inline-flex; gap:0.4rem; align-items:center; }
.row { display:flex; flex-wrap:wrap; gap:0.5rem; align-items:flex-end; }
.row > label { flex:1 1 12rem; }
label { display:block; font-size:0.875rem; color:var(--muted); }
label > input, label > select, label > textarea { display:block; width:100%; margin-top:0.2rem; color:var(--fg); }
input, select, textarea, button, .button { font:inherit; font-size:1rem; }
input[type=text], input[type=email], input[type=search], input[type=number], input[type=password], select, textarea { padding:0.45rem 0.55rem; border:1px solid #c3cad2; border-radius:6px; background:#fff; }
input[type=checkbox] { width:1.1rem; height:1.1rem; vertical-align:middle; }
label.check { display:inline-flex; gap:0.35rem; align-items:center; color:var(--fg); font-size:1rem; margin-right:0.75rem; }
textarea { width:100%; min-height:9rem; font-family:ui-monospace, SFMono-Regular, Menlo, monospace; font-size:0.9rem; }
button, .button { display:inline-block; padding:0.45rem 0.9rem; border-radius:6px; border:1px solid var(--accent); background:var(--accent); color:var(--accent-fg); cursor:pointer; text-decoration:none; line-height:1.3; }
button.secondary, .button.secondary { background:var(--card); color:var(--accent); }
button.danger { background:var(--bad); border-color:var(--bad); }
.actions { display:flex; flex-wrap:wrap; gap:0.4rem; align-items:center; margin:0.5rem 0; }
details > summary { cursor:pointer; }
pre.original { white-space:pre-wrap; overflow-wrap:anywhere; background:var(--card); border:1px solid var(--line); border-radius:8px; padding:0.75rem; font-size:0.875rem; max-height:32rem; overflow:auto; }
ol.timeline { list-style:none; padding:0; margin:0; }
ol.timeline > li { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:0.6rem 0.9rem; margin:0.5rem 0; }
ol.timeline > li.past { opacity:0.85; }
.when { font-variant-numeric:tabular-nums; }
.draft { margin-top:0.5rem; }
.token { font-family:ui-monospace, SFMono-Regular, Menlo, monospace; background:#fff8e1; padding:0.5rem; border-radius:6px; overflow-wrap:anywhere; display:block; }
[hidden] { display:none !important; }
@media (max-width: 640px) {
  table.stack, table.stack tbody, table.stack tr, table.stack td { display:block; width:100%; }
  table.stack thead { display:none; }
  table.stack tr { border-bottom:1px solid var(--line); padding:0.4rem 0; }
  table.stack td { border:0; padding:0.15rem 0.75rem; }
  table.stack td[data-label]::before { content:attr(data-label) ": "; color:var(--muted); font-size:0.8rem; }
  h1 { font-size:1.3rem; }
}
`;

export const COPY_SCRIPT = `
document.querySelectorAll("button[data-copy]").forEach(function (button) {
  var target = document.getElementById(button.getAttribute("data-copy"));
  if (!target || !navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(target.value).then(function () {
      var label = button.textContent;
      button.textContent = "Copied";
      setTimeout(function () { button.textContent = label; }, 1500);
    });
  });
});
`;

export const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1f6f5c"/><path d="M9 22V10h7a4 4 0 0 1 0 8h-7m7 0 5 4" stroke="#fff" stroke-width="3" fill="none" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
