import { renderStatusPage } from './render-status-page';

describe('renderStatusPage', () => {
  it('Given the detailed report, Then it lists each part with its state and escapes text', () => {
    const html = renderStatusPage({
      detailed: true,
      report: {
        status: 'down',
        checks: [
          { name: 'event-store', description: 'PGlite in <dir>', status: 'up' },
          { name: 'bus', description: 'in-process', status: 'down', reason: 'closed' },
          {
            name: 'telegram',
            description: 'webhook',
            status: 'up',
            detail: '3 rejected <updates>',
          },
        ],
      },
    });
    expect(html).toContain('Parley is degraded');
    expect(html).toContain(
      '<td>event-store</td><td>PGlite in &lt;dir&gt;</td><td class="up">up</td>',
    );
    expect(html).toContain('<td class="down">down: closed</td>');
    expect(html).toContain('<td class="up">up (3 rejected &lt;updates&gt;)</td>');
  });

  it('Given only the status, Then it says up or degraded and where the detail is, and nothing else', () => {
    const html = renderStatusPage({ detailed: false, report: { status: 'up' } });
    expect(html).toContain('Parley is running');
    expect(html).toContain('HEALTH_PORT');
    expect(html).not.toContain('<table>');
    expect(html).not.toContain('PGlite');
  });
});
