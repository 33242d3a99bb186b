import { renderStatusPage } from './render-status-page';

describe('renderStatusPage', () => {
  it('lists each part with its state and escapes text', () => {
    const html = renderStatusPage({
      status: 'down',
      checks: [
        { name: 'event-store', description: 'PGlite in <dir>', status: 'up' },
        { name: 'bus', description: 'in-process', status: 'down', reason: 'closed' },
        { name: 'telegram', description: 'webhook', status: 'up', detail: '3 rejected <updates>' },
      ],
    });
    expect(html).toContain('Parley is degraded');
    expect(html).toContain(
      '<td>event-store</td><td>PGlite in &lt;dir&gt;</td><td class="up">up</td>',
    );
    expect(html).toContain('<td class="down">down: closed</td>');
    expect(html).toContain('<td class="up">up (3 rejected &lt;updates&gt;)</td>');
  });
});
