/** The stylesheet of the public pages, served as /assets/site.css (a file of its own: the CSP allows no inline style). */
export const SITE_CSS = `
:root { --ink: #1a1a1a; --muted: #4a4a4a; --line: #8c8c8c; --bg: #fff; --head: #eef1f5; --link: #0b4f9c;
  --error: #a4001b; --error-bg: #fde8eb; --warn: #6b4500; --warn-bg: #fff3cd; --focus: #1d5fd1; }
* { box-sizing: border-box; }
html { font-size: 16px; }
body { margin: 0; color: var(--ink); background: var(--bg); line-height: 1.6;
  font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", system-ui, sans-serif; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -9999px; top: 0; background: #fff; padding: .5rem 1rem; }
.skip:focus { left: .5rem; z-index: 10; }
header.site { background: #0b3d7a; color: #fff; padding: .6rem 1rem; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem;
  align-items: center; justify-content: space-between; }
header.site a { color: #fff; }
header.site .brand { font-weight: bold; text-decoration: none; }
header.site nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center; }
header.site form { display: inline; margin: 0; }
header.site button { background: transparent; color: #fff; border: 1px solid #fff; border-radius: 3px; padding: .1rem .6rem; font: inherit; cursor: pointer; }
main { max-width: 100rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.3rem; margin: 1.5rem 0 .5rem; }
h3 { font-size: 1.1rem; margin: 1rem 0 .5rem; }
.intro, .hint { color: var(--muted); }
.hint { font-size: .9rem; margin: .2rem 0 .5rem; }
.notice { border-left: 4px solid var(--link); background: #eef4fb; padding: .5rem .8rem; }
form.check label, form.stack label { display: block; font-weight: bold; margin-top: 1rem; }
textarea { width: 100%; min-height: 14rem; font: inherit; font-size: .95rem; padding: .5rem; border: 1px solid var(--line); border-radius: 3px; }
input[type=text], input[type=password] { width: 100%; max-width: 24rem; font: inherit; padding: .4rem; border: 1px solid var(--line); border-radius: 3px; }
input[type=file] { font: inherit; max-width: 100%; }
button.primary { margin-top: 1rem; background: #0b4f9c; color: #fff; border: 0; border-radius: 3px; padding: .55rem 1.4rem; font: inherit; font-weight: bold; cursor: pointer; }
button.secondary { background: #fff; color: #0b4f9c; border: 1px solid #0b4f9c; border-radius: 3px; padding: .4rem 1rem; font: inherit; cursor: pointer; margin: .25rem .5rem .25rem 0; }
.problem { border: 2px solid var(--error); background: var(--error-bg); padding: .6rem 1rem; border-radius: 3px; }
.summary dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
.summary dt { font-weight: bold; }
.summary dd { margin: 0; }
.verdict { font-weight: bold; font-size: 1.1rem; }
.verdict.bad { color: var(--error); }
.verdict.good { color: #1d6b2f; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 24rem; gap: 1.5rem; align-items: start; }
.layout > .tables { grid-column: 1; grid-row: 1; }
.layout > aside { grid-column: 2; grid-row: 1; }
/* On a phone the findings come first (as in the page order), the tables below them. */
@media (max-width: 60rem) { .layout { grid-template-columns: minmax(0, 1fr); }
  .layout > .tables, .layout > aside { grid-column: 1; grid-row: auto; } }
aside.findings { position: sticky; top: 0; max-height: 100vh; overflow-y: auto; border: 1px solid var(--line); padding: 0 1rem 1rem; border-radius: 3px; }
@media (max-width: 60rem) { aside.findings { position: static; max-height: none; } }
ol.findings-list { padding-left: 1.6rem; }
ol.findings-list li { margin-bottom: .7rem; }
.badge { display: inline-block; font-size: .8rem; font-weight: bold; padding: 0 .35rem; border-radius: 3px; border: 1px solid; margin-right: .3rem; }
.badge.error { color: var(--error); background: var(--error-bg); }
.badge.warning { color: var(--warn); background: var(--warn-bg); }
.table-wrap { overflow-x: auto; padding-bottom: 6rem; margin-bottom: -5rem; }
table.report { border-collapse: collapse; font-size: .9rem; margin: .3rem 0 1rem; }
table.report caption { text-align: left; font-weight: bold; padding: .3rem 0; }
table.report th, table.report td { border: 1px solid var(--line); padding: .25rem .45rem; vertical-align: middle; }
table.report thead th, table.report th.group { background: var(--head); }
table.report thead th { text-align: center; }
table.report tbody th { text-align: left; font-weight: normal; min-width: 6rem; }
table.report th.note { font-weight: normal; font-size: .8rem; max-width: 16rem; }
table.report td.num { text-align: right; position: relative; min-width: 3.2rem; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.report td.blank .v { color: var(--muted); }
table.report td.error { background: var(--error-bg); outline: 2px solid var(--error); outline-offset: -2px; }
table.report td.warning { background: var(--warn-bg); outline: 2px dashed var(--warn); outline-offset: -2px; }
table.report td.involved:not(.error):not(.warning) { outline: 1px dashed var(--error); outline-offset: -3px; }
table.report td.num:focus, table.report td.num:focus-visible { outline: 3px solid var(--focus); outline-offset: 0; box-shadow: inset 0 0 0 2px #fff; }
.mark { font-weight: bold; font-size: .75rem; margin-left: .2rem; text-decoration: none; }
.mark.error { color: var(--error); }
.mark.warning { color: var(--warn); }
.tip { display: none; position: absolute; z-index: 5; left: 0; top: 100%; min-width: 14rem; max-width: 22rem; white-space: normal;
  text-align: left; background: #1a1a1a; color: #fff; padding: .4rem .6rem; border-radius: 3px; font-size: .8rem; line-height: 1.4; }
td.num:hover .tip, td.num:focus .tip, td.num:focus-within .tip { display: block; }
/* Tips of the right-most columns open leftwards, so they stay inside the table's scrolling box. */
tr > td.num:nth-last-child(-n + 3) .tip { left: auto; right: 0; }
.vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
table.batch { border-collapse: collapse; width: 100%; min-width: 44rem; font-size: .95rem; }
table.batch tbody th { font-weight: normal; word-break: break-all; max-width: 16rem; }
table.batch th, table.batch td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; }
table.batch thead th { background: var(--head); }
table.batch td.n { text-align: right; }
table.batch th button { background: none; border: 0; padding: 0; font: inherit; font-weight: bold; color: var(--link); text-decoration: underline; cursor: pointer; }
section.batch-report { border-top: 3px solid #0b3d7a; margin-top: 2rem; }
@media (max-width: 40rem) {
  main { padding: .75rem; }
  table.report { font-size: .8rem; }
  table.report th.note { max-width: 8rem; font-size: .7rem; }
  table.report tbody th { min-width: 4rem; max-width: 8.5rem; }
  table.report td.num { min-width: 2.6rem; }
}
footer.site { color: var(--muted); font-size: .85rem; padding: 2rem 1rem; text-align: center; }
`;
