/**
 * The portal's stylesheet (/assets/portal.css): GOV.UK Frontend's plain patterns (one column, large type, visible
 * focus, error summaries), 长者模式 (html.elder: larger type, higher contrast, bigger targets), a phone layout
 * and a print layout. A file of its own: the pages' CSP allows no inline style.
 */
export const PORTAL_CSS = `
:root { --ink: #0b0c0c; --muted: #484949; --line: #b1b4b6; --bg: #fff; --brand: #9e1b1b; --brand-dark: #7a1212;
  --link: #1d4f91; --visited: #4c2c92; --focus: #ffdd00; --error: #b0151f; --ok: #00703c; --panel: #f3f2f1; }
* { box-sizing: border-box; }
html { font-size: 17px; -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: var(--bg); line-height: 1.65;
  font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", system-ui, sans-serif; }
a { color: var(--link); text-underline-offset: .15em; }
a:hover { color: #0b0c0c; }
a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus {
  outline: 3px solid transparent; background-color: var(--focus); box-shadow: 0 -2px var(--focus), 0 4px var(--ink);
  color: var(--ink); text-decoration: none; }
input:focus, select:focus, textarea:focus { background: #fff; box-shadow: inset 0 0 0 2px var(--ink); outline: 3px solid var(--focus); }
.skip { position: absolute; left: -9999px; top: 0; background: var(--focus); color: var(--ink); padding: .6rem 1rem; z-index: 20; }
.skip:focus { left: .5rem; }
.gk-header { background: var(--brand); color: #fff; border-bottom: 8px solid var(--brand-dark); }
.gk-header .wrap { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .4rem 1.5rem; padding: .7rem 1rem; }
.gk-header a { color: #fff; }
.gk-header a:focus { color: var(--ink); }
.gk-brand { font-size: 1.25rem; font-weight: bold; text-decoration: none; }
.gk-brand small { display: block; font-size: .8rem; font-weight: normal; opacity: .95; }
.gk-header ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .2rem 1.1rem; }
.gk-header li a { display: inline-block; padding: .35rem 0; min-height: 44px; line-height: 2; }
.wrap { max-width: 72rem; margin: 0 auto; }
main { display: block; max-width: 72rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
.crumbs { max-width: 72rem; margin: 0 auto; padding: .6rem 1rem 0; font-size: .9rem; }
.crumbs ol { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .2rem; }
.crumbs li + li::before { content: "›"; margin: 0 .4rem; color: var(--muted); }
h1 { font-size: 1.9rem; line-height: 1.3; margin: .6rem 0 1.2rem; }
h2 { font-size: 1.4rem; margin: 2rem 0 .7rem; }
h3 { font-size: 1.15rem; margin: 1.3rem 0 .5rem; }
.lead { font-size: 1.15rem; color: var(--muted); }
.muted, .hint { color: var(--muted); }
.hint { font-size: .95rem; margin: .1rem 0 .4rem; }
.cards { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: 1rem; }
.cards li { border-top: 5px solid var(--brand); background: var(--panel); padding: .8rem 1rem; }
.cards a { font-weight: bold; font-size: 1.1rem; }
.cards p { margin: .3rem 0 0; color: var(--muted); font-size: .95rem; }
.items { list-style: none; padding: 0; margin: 0; }
.items li { border-bottom: 1px solid var(--line); padding: .7rem 0; display: grid; grid-template-columns: 1fr auto; gap: .2rem 1rem; }
.items li .meta { grid-column: 1 / -1; font-size: .9rem; color: var(--muted); }
.items time { white-space: nowrap; color: var(--muted); }
.items .snippet { grid-column: 1 / -1; margin: 0; font-size: .95rem; }
mark { background: #fff2a8; color: inherit; padding: 0 .05em; }
.tag { display: inline-block; border: 1px solid currentColor; border-radius: 2px; padding: 0 .3rem; font-size: .8rem; margin-right: .3rem; }
.tag.bad { color: var(--error); }
.tag.exact { color: var(--ok); }
.layout { display: grid; grid-template-columns: 17rem minmax(0, 1fr); gap: 2rem; align-items: start; }
.facets h2 { font-size: 1.05rem; margin: 1rem 0 .3rem; }
.facets ul { list-style: none; margin: 0; padding: 0; }
.facets li { padding: .15rem 0; }
.facets li a, .facets li span { display: inline-block; min-height: 32px; }
.facets .count { color: var(--muted); font-size: .9rem; }
.facets .on { font-weight: bold; }
form.search { display: flex; gap: 0; max-width: 40rem; margin: .5rem 0 1rem; }
form.search input { flex: 1; min-width: 0; font: inherit; padding: .5rem; border: 2px solid var(--ink); border-right: 0; }
form.search button, .button { font: inherit; font-weight: bold; background: var(--ok); color: #fff; border: 0; padding: .55rem 1.2rem;
  box-shadow: 0 2px 0 #002d18; cursor: pointer; text-decoration: none; display: inline-block; min-height: 44px; }
.button.secondary { background: var(--panel); color: var(--ink); box-shadow: 0 2px 0 #929191; }
form.search button { box-shadow: none; }
.field { margin: 1.2rem 0; }
.field > label, .field > legend, fieldset > legend { display: block; font-weight: bold; font-size: 1.05rem; }
fieldset { border: 0; padding: 0; margin: 1.2rem 0; }
input[type=text], input[type=email], input[type=tel], select, textarea { font: inherit; padding: .45rem; border: 2px solid var(--ink);
  border-radius: 0; width: 100%; max-width: 30rem; background: #fff; min-height: 44px; }
textarea { max-width: 40rem; min-height: 8rem; }
.choices { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; }
.choices label { display: inline-flex; align-items: center; gap: .4rem; min-height: 44px; font-weight: normal; }
.choices input { width: 1.4rem; height: 1.4rem; }
.field.error { border-left: 5px solid var(--error); padding-left: .8rem; }
.error-message { color: var(--error); font-weight: bold; margin: .2rem 0; }
.error-summary { border: 5px solid var(--error); padding: .8rem 1rem; margin: 1rem 0; }
.error-summary h2 { margin-top: 0; }
.error-summary a { color: var(--error); font-weight: bold; }
.panel { border: 5px solid var(--ok); padding: 1rem 1.2rem; margin: 1rem 0; }
.panel.receipt { border-color: var(--ok); }
.panel .big { font-size: 1.6rem; font-weight: bold; letter-spacing: .05em; font-variant-numeric: tabular-nums; }
.banner { border-left: 8px solid var(--error); background: #fbeaea; padding: .7rem 1rem; margin: 1rem 0; }
.notice { border-left: 8px solid var(--link); background: #eef4fb; padding: .7rem 1rem; margin: 1rem 0; }
table.meta, table.plain { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; font-size: .95rem; }
table.meta th, table.meta td, table.plain th, table.plain td { border: 1px solid var(--line); padding: .45rem .6rem; text-align: left; vertical-align: top; }
table.meta th, table.plain thead th { background: var(--panel); width: 9rem; font-weight: bold; }
table.plain thead th { width: auto; }
.table-wrap { overflow-x: auto; }
ol.flow { list-style: none; counter-reset: step; padding: 0; display: flex; flex-wrap: wrap; gap: .6rem; align-items: stretch; }
ol.flow li { counter-increment: step; border: 2px solid var(--brand); padding: .5rem .7rem; flex: 1 1 9rem; position: relative; background: #fff; }
ol.flow li::before { content: counter(step); display: inline-block; background: var(--brand); color: #fff; border-radius: 50%;
  width: 1.6rem; height: 1.6rem; text-align: center; line-height: 1.6rem; margin-right: .4rem; font-weight: bold; }
ol.flow li strong { display: inline; }
ol.flow li p { margin: .3rem 0 0; font-size: .9rem; color: var(--muted); }
.pager { display: flex; flex-wrap: wrap; gap: 1rem; margin: 1.5rem 0; }
.pager a { font-weight: bold; padding: .4rem 0; display: inline-block; min-height: 44px; }
.body-text { max-width: 46rem; font-size: 1.05rem; }
.body-text p { margin: 0 0 1em; text-indent: 2em; }
.gk-footer { border-top: 1px solid var(--line); background: var(--panel); color: var(--muted); font-size: .9rem; }
.gk-footer .wrap { padding: 1.5rem 1rem; }
.gk-footer ul { list-style: none; display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; padding: 0; margin: 0 0 .6rem; }
.vh { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
table.report { border-collapse: collapse; font-size: .9rem; margin: .3rem 0 1rem; }
table.report caption { text-align: left; font-weight: bold; padding: .3rem 0; }
table.report th, table.report td { border: 1px solid var(--line); padding: .25rem .45rem; }
table.report thead th, table.report th.group { background: var(--panel); text-align: center; }
table.report tbody th { text-align: left; font-weight: normal; }
table.report td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.report .tip, table.report .mark { display: none; }
@media (max-width: 48rem) {
  html { font-size: 16px; }
  .layout { grid-template-columns: minmax(0, 1fr); }
  .facets { order: 2; }
  h1 { font-size: 1.5rem; }
  .items li { grid-template-columns: 1fr; }
  main { padding: .75rem .75rem 2rem; }
}
/* 长者模式 (适老化): larger type, darker text, bigger targets and spacing, underlines everywhere. */
html.elder { font-size: 21px; }
html.elder body { line-height: 1.8; --muted: #1a1a1a; --line: #505a5f; }
html.elder .muted, html.elder .hint, html.elder .items time, html.elder .items .meta { color: #0b0c0c; }
html.elder a { text-decoration-thickness: 2px; }
html.elder .gk-header li a, html.elder .facets li a, html.elder .pager a { min-height: 56px; line-height: 2.6; }
html.elder input[type=text], html.elder select, html.elder textarea, html.elder .button { min-height: 56px; }
@media print {
  .gk-header, .gk-footer, .skip, .crumbs, form.search, .facets, .pager, .no-print { display: none !important; }
  body { font-size: 12pt; color: #000; }
  main { max-width: none; padding: 0; }
  .layout { display: block; }
  a { color: #000; text-decoration: none; }
  .panel { border: 2px solid #000; }
  table.meta th { background: none; }
}
`;
