/** The development screens' styles, print stylesheet included; added to the page once. */
const CSS = `
.dev { font: 16px/1.5 system-ui, sans-serif; color: #1b1f24; background: #fff; max-width: 920px; margin: 0 auto; padding: 24px; }
.dev h1 { font-size: 1.6rem; margin: 0 0 .5rem; } .dev h2 { font-size: 1.25rem; margin: 1.5rem 0 .5rem; } .dev h3 { font-size: 1.05rem; margin: 0 0 .25rem; }
.dev p.lead { color: #444; margin-top: 0; }
.dev fieldset { border: 1px solid #c9d1d9; border-radius: 8px; margin: 0 0 12px; padding: 10px 14px; }
.dev legend { font-weight: 600; padding: 0 4px; }
.dev .hint { color: #555; font-size: .9rem; margin: 0 0 6px; }
.dev .scale { display: flex; gap: 6px; flex-wrap: wrap; }
.dev .scale label { display: inline-flex; align-items: center; gap: 4px; border: 1px solid #8c959f; border-radius: 6px; padding: 4px 10px; cursor: pointer; }
.dev .scale input:checked + span { font-weight: 700; }
.dev label.block { display: block; font-weight: 600; margin-top: 10px; }
.dev textarea, .dev input[type=text], .dev input[type=number], .dev select { font: inherit; width: 100%; box-sizing: border-box; border: 1px solid #8c959f; border-radius: 6px; padding: 6px 8px; background: #fff; color: #1f2328; }
.dev input[type=number] { width: 8em; }
.dev select { width: auto; }
.dev .deadline { display: flex; gap: 8px; align-items: center; }
.dev textarea { min-height: 4.5em; }
.dev button, .dev a.button { font: inherit; border: 1px solid #0b5cad; background: #0b5cad; color: #fff; border-radius: 6px; padding: 6px 14px; cursor: pointer; text-decoration: none; display: inline-block; }
.dev button.secondary, .dev a.button.secondary { background: #fff; color: #0b5cad; }
.dev :focus-visible { outline: 3px solid #f5a700; outline-offset: 2px; }
.dev [tabindex="-1"]:focus { outline: none; }
.dev .actions { display: flex; gap: 8px; flex-wrap: wrap; margin: 12px 0; }
.dev .alert { border-left: 4px solid #b42318; background: #fdecea; padding: 8px 12px; margin: 8px 0; }
.dev .note { border-left: 4px solid #0b5cad; background: #eaf2fb; padding: 8px 12px; margin: 8px 0; }
.dev table { border-collapse: collapse; width: 100%; margin: 8px 0; }
.dev th, .dev td { border-bottom: 1px solid #d0d7de; text-align: left; padding: 6px 8px; vertical-align: top; }
.dev .over { color: #b42318; } .dev .under { color: #1a7f37; } .dev .accurate { color: #333; }
.dev .card { border: 1px solid #c9d1d9; border-radius: 8px; padding: 12px 14px; margin: 0 0 12px; }
.dev .badge { display: inline-block; border-radius: 999px; padding: 1px 10px; font-size: .85rem; font-weight: 600; }
.dev .badge.on-track { background: #dafbe1; color: #116329; } .dev .badge.slipping { background: #fff1c2; color: #7a4d00; }
.dev .badge.achieved { background: #d8e8ff; color: #0b3f8a; } .dev .badge.missed { background: #ffe1df; color: #8a1c12; }
.dev .badge.closed { background: #eee; color: #333; }
.dev dl.smart { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 6px 0; }
.dev dl.smart dt { font-weight: 600; }
.dev svg.chart { display: block; margin: 6px 0; }
.dev .muted { color: #555; }
  .dev .report-run { border-top: 2px solid #333; padding-top: 8px; margin-top: 16px; }
@media print {
  .no-print { display: none !important; }
  .dev { max-width: none; padding: 0; font-size: 11pt; }
  .dev .no-print, .dev button, .dev .actions { display: none !important; }
  .dev a { color: inherit; text-decoration: none; }
  .dev .card, .dev table, .dev tr, .dev svg.chart { break-inside: avoid; }
  .dev h2, .dev h3 { break-after: avoid; }
  .dev h1 { font-size: 18pt; }
  @page { margin: 16mm; }
}
`;

export function ensureStyles(): void {
  if (document.getElementById('htl-development-styles') !== null) return;
  const style = document.createElement('style');
  style.id = 'htl-development-styles';
  style.textContent = CSS;
  document.head.append(style);
}
