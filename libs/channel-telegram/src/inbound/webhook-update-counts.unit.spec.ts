import { WebhookUpdateCounts } from './webhook-update-counts';

describe('webhook update counts (the health line)', () => {
  it('given nothing yet, then every count is 0', () => {
    expect(new WebhookUpdateCounts().summary()).toBe(
      '0 rejected updates stored, 0 ignored, 0 unusable bodies since start',
    );
  });

  it('given rejected, ignored and unusable updates, then each is counted, ignored ones by kind', () => {
    const counts = new WebhookUpdateCounts();
    counts.addRejectedStored(1);
    counts.countIgnored('message.group');
    counts.countIgnored('channel_post');
    counts.countIgnored('channel_post');
    counts.countUnusable();
    expect(counts.ignoredByKind).toEqual({ channel_post: 2, 'message.group': 1 });
    expect(counts.summary()).toBe(
      '1 rejected update stored, 3 ignored (channel_post 2, message.group 1), 1 unusable body since start',
    );
  });
});
