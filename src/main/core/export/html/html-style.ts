// The HTML report's only stylesheet, inlined (the page loads nothing): readable on screen in
// light and dark, and on paper, where badges keep their words and links print their URLs.

export const REPORT_CSS = `
:root {
  color-scheme: light dark;
  --ink: #1f2328; --muted: #59636e; --faint: #8b949e; --bg: #f4f5f7; --card: #ffffff; --line: #d8dde3;
  --accent: #1f5fbf; --code-bg: #eef1f4;
  --ok-ink: #1d5817; --ok-soft: #dcf3d7; --ok-edge: #6fb866;
  --warn-ink: #6e4d00; --warn-soft: #fff1c7; --warn-edge: #d9a923;
  --bad-ink: #8a1c14; --bad-soft: #fde3e0; --bad-edge: #d8655a;
  --none-ink: #474d55; --none-soft: #eceef1; --none-edge: #a5adb7;
  --yellow: #fff0a8; --green: #c9f0c4; --blue: #cfe3ff; --pink: #ffd1e3; --orange: #ffd8b0;
  --serif: Charter, 'Bitstream Charter', 'Iowan Old Style', Georgia, Cambria, 'Noto Serif', 'Noto Serif CJK KR', 'Apple SD Gothic Neo', 'Malgun Gothic', serif;
}
@media screen and (prefers-color-scheme: dark) {
  :root {
    --ink: #e6e8eb; --muted: #a4adb8; --faint: #7d8793; --bg: #15171a; --card: #1e2126; --line: #343a42;
    --accent: #7fb0ff; --code-bg: #2a2f36;
    --ok-ink: #b6eaad; --ok-soft: #1f3a1c; --ok-edge: #4f9a46;
    --warn-ink: #f3d58a; --warn-soft: #3d3113; --warn-edge: #b58a1a;
    --bad-ink: #ffb4ab; --bad-soft: #45201c; --bad-edge: #c5584d;
    --none-ink: #c9ced5; --none-soft: #2c3036; --none-edge: #6b737d;
    --yellow: #5e4f0f; --green: #234a27; --blue: #1f3d66; --pink: #5c2743; --orange: #5e3c17;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); }
body {
  margin: 0 auto; max-width: 860px; padding: 40px 28px 56px; color: var(--ink); background: var(--bg);
  font: 15px/1.55 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, 'Noto Sans CJK KR', 'Apple SD Gothic Neo', 'Malgun Gothic', sans-serif;
  overflow-wrap: break-word;
}
h1, h2, h3 { line-height: 1.25; margin: 0; }
a { color: var(--accent); }
code { font: 0.86em/1.4 ui-monospace, 'SF Mono', 'Cascadia Mono', Consolas, 'DejaVu Sans Mono', monospace; background: var(--code-bg); padding: 1px 5px; border-radius: 4px; overflow-wrap: anywhere; }
.report-head { border-bottom: 2px solid var(--ink); padding-bottom: 18px; margin-bottom: 28px; }
.eyebrow { margin: 0 0 6px; color: var(--muted); font-size: 12px; font-weight: 600; letter-spacing: 0.08em; text-transform: uppercase; }
.report-head h1 { font-size: 30px; letter-spacing: -0.01em; }
.report-head .meta { margin: 8px 0 0; color: var(--muted); font-size: 14px; }
.tally { display: flex; flex-wrap: wrap; gap: 8px; margin: 14px 0 0; padding: 0; list-style: none; }
section.block { margin-top: 40px; }
section.block > h2 { font-size: 20px; margin-bottom: 6px; }
.section-note { margin: 0 0 16px; color: var(--muted); font-size: 14px; }
.glance { margin: 0; padding: 0; list-style: none; border: 1px solid var(--line); border-radius: 8px; background: var(--card); }
.glance li { display: grid; grid-template-columns: 84px 1fr auto; gap: 12px; align-items: baseline; padding: 9px 14px; border-top: 1px solid var(--line); }
.glance li:first-child { border-top: 0; }
.glance a { font-weight: 600; text-decoration: none; }
.badge {
  display: inline-block; white-space: nowrap; font-size: 12.5px; font-weight: 650; line-height: 1; padding: 5px 9px;
  border-radius: 999px; border: 1px solid; -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
.badge-corroborated { color: var(--ok-ink); background: var(--ok-soft); border-color: var(--ok-edge); }
.badge-single { color: var(--warn-ink); background: var(--warn-soft); border-color: var(--warn-edge); }
.badge-disputed { color: var(--bad-ink); background: var(--bad-soft); border-color: var(--bad-edge); }
.badge-unsupported { color: var(--none-ink); background: var(--none-soft); border-color: var(--none-edge); }
.claim {
  background: var(--card); border: 1px solid var(--line); border-left: 5px solid var(--none-edge); border-radius: 8px;
  padding: 20px 24px 8px; margin: 0 0 22px; box-shadow: 0 1px 2px rgba(0, 0, 0, 0.05), 0 4px 14px rgba(0, 0, 0, 0.04);
}
.claim.status-corroborated { border-left-color: var(--ok-edge); }
.claim.status-single { border-left-color: var(--warn-edge); }
.claim.status-disputed { border-left-color: var(--bad-edge); }
.claim-head { display: flex; align-items: center; justify-content: space-between; gap: 12px; }
.claim-head h3 { font-size: 13px; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; color: var(--muted); }
.claim-text { font-size: 19px; line-height: 1.4; font-weight: 600; margin: 10px 0 12px; }
.support { margin: 0 0 6px; padding: 10px 14px; list-style: none; background: var(--bg); border-radius: 6px; font-size: 14px; color: var(--muted); }
.support li + li { margin-top: 3px; }
.support strong { color: var(--ink); font-weight: 600; }
.passages { list-style: none; margin: 0; padding: 0; }
.passage { padding: 16px 0 14px; border-top: 1px solid var(--line); }
.claim .passages { margin-top: 14px; }
.stance {
  display: inline-block; margin: 0 0 8px; padding: 3px 8px; border-radius: 4px; font-size: 12.5px; font-weight: 700;
  color: var(--bad-ink); background: var(--bad-soft); border: 1px solid var(--bad-edge); -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
.quote { margin: 0 0 10px; padding: 2px 0 2px 16px; border-left: 3px solid var(--line); font-family: var(--serif); font-size: 16.5px; line-height: 1.6; }
.passage.contradicts .quote { border-left-color: var(--bad-edge); }
.quote p { margin: 0; }
.quote.alone { font-style: italic; }
mark { color: inherit; padding: 1px 2px; border-radius: 3px; box-decoration-break: clone; -webkit-box-decoration-break: clone; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
mark.hl-yellow { background: var(--yellow); } mark.hl-green { background: var(--green); } mark.hl-blue { background: var(--blue); }
mark.hl-pink { background: var(--pink); } mark.hl-orange { background: var(--orange); }
.cite, .file, .where, .comment, .tags { margin: 4px 0 0; font-size: 13.5px; }
.cite cite { font-style: normal; font-weight: 600; }
time { white-space: nowrap; }
.cite .sep, .where .sep { color: var(--faint); }
.file, .where { color: var(--muted); }
.anchor strong { color: var(--ink); font-weight: 600; }
.anchor-not-found strong, .anchor-not-found, .warn { color: var(--bad-ink); }
.anchor-reworded strong, .anchor-moved strong { color: var(--warn-ink); }
.passage.lost .quote { border-left-style: dashed; }
.label { display: inline-block; min-width: 76px; color: var(--muted); font-size: 11.5px; font-weight: 700; letter-spacing: 0.05em; text-transform: uppercase; }
.comment { margin-top: 8px; }
.tag { display: inline-block; padding: 1px 8px; margin: 0 2px 2px 0; border: 1px solid var(--line); border-radius: 999px; font-size: 12.5px; }
.tag::before { content: '#'; color: var(--faint); }
.source-group { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 18px 24px 8px; margin: 0 0 18px; }
.source-group h3 { font-size: 16px; }
.source-group > .cite, .source-group > .file { color: var(--muted); }
.source-group .passages { margin-top: 12px; }
.empty { color: var(--muted); font-style: italic; }
table.sources { width: 100%; table-layout: fixed; border-collapse: collapse; font-size: 13px; background: var(--card); border: 1px solid var(--line); }
.sources th, .sources td { text-align: left; vertical-align: top; padding: 8px; border-bottom: 1px solid var(--line); }
.sources th { font-size: 11px; letter-spacing: 0.04em; text-transform: uppercase; color: var(--muted); background: var(--bg); }
.sources col.num { width: 30px; } .sources col.title { width: 24%; } .sources col.outlet, .sources col.author { width: 10%; }
.sources col.date { width: 90px; } .sources col.url { width: 18%; } .sources col.file { width: 15%; } .sources col.claims { width: 66px; }
.sources td.num { color: var(--faint); }
.sources td.title { font-weight: 600; }
.sources td.url, .sources td.file { overflow-wrap: anywhere; }
.sources td.file code { background: none; padding: 0; }
.report-foot { margin-top: 44px; padding-top: 14px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12.5px; }
.report-foot p { margin: 0 0 4px; }
@media (max-width: 640px) {
  body { padding: 24px 14px; }
  .glance li { grid-template-columns: 1fr; gap: 4px; }
  .claim, .source-group { padding: 16px 16px 6px; }
}
@media print {
  @page { margin: 16mm 15mm; }
  :root { color-scheme: light; }
  html, body { background: #fff; }
  body { max-width: none; padding: 0; font-size: 10.5pt; color: #000; }
  .claim, .source-group { box-shadow: none; break-inside: avoid; page-break-inside: avoid; border-color: #999; }
  .claim { border-left-width: 4px; }
  .passage, .glance li, .sources tr { break-inside: avoid; page-break-inside: avoid; }
  section.block > h2, .claim-head { break-after: avoid; page-break-after: avoid; }
  .support { background: none; border: 1px solid #ccc; }
  .report-head { border-bottom-color: #000; }
  a { color: #000; text-decoration: underline; }
  a.ext:not(.literal)::after { content: ' (' attr(href) ')'; font-size: 0.85em; color: #333; overflow-wrap: anywhere; }
  mark { outline: 1px solid rgba(0, 0, 0, 0.25); }
  .sources th { background: none; }
}
`
