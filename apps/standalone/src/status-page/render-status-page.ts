import type { HealthReport, VisibleHealthReport } from '@parley/platform';

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * A plain HTML page: up or degraded, and, when the reader may see the detail, each mounted part
 * with its description and state.
 */
export const renderStatusPage = (visible: VisibleHealthReport): string => {
  const { report } = visible;
  const table = visible.detailed
    ? `<p>Embedded mode: one process, PGlite event store, in-process bus. Health as JSON: <a href="/health">/health</a>.</p>
<table><thead><tr><th>part</th><th>what</th><th>state</th></tr></thead><tbody>
${statusRows(visible.report)}
</tbody></table>`
    : `<p>Which parts run and their state: on the ops port (<code>HEALTH_PORT</code>), or ` +
      `<code>/health</code> with an admin's access token.</p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Parley</title>
<style>body{font:15px system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse}
td,th{padding:.35rem .8rem;border-bottom:1px solid #ddd;text-align:left}.up{color:#17803d}.down{color:#b42318}</style>
</head><body>
<h1>Parley is ${report.status === 'up' ? 'running' : 'degraded'}</h1>
${table}
</body></html>`;
};

const statusRows = (report: HealthReport): string =>
  report.checks
    .map(
      (c) =>
        `<tr><td>${escapeHtml(c.name)}</td><td>${escapeHtml(c.description)}</td>` +
        `<td class="${c.status}">${c.status}${c.reason ? `: ${escapeHtml(c.reason)}` : ''}` +
        `${c.detail ? ` (${escapeHtml(c.detail)})` : ''}</td></tr>`,
    )
    .join('\n');
