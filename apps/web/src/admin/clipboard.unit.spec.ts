import { copyText } from './clipboard';

describe('copying to the clipboard', () => {
  it('given a clipboard that accepts, then copied, with the text on it', async () => {
    const written: string[] = [];
    const clipboard = { writeText: async (text: string) => void written.push(text) };
    await expect(copyText('/start fb', clipboard)).resolves.toBe('copied');
    expect(written).toEqual(['/start fb']);
  });

  it('given a clipboard that refuses, then failed', async () => {
    const clipboard = { writeText: () => Promise.reject(new Error('NotAllowedError')) };
    await expect(copyText('secret', clipboard)).resolves.toBe('failed');
  });

  it('given no Clipboard API (not a secure context), then failed', async () => {
    await expect(copyText('secret', undefined)).resolves.toBe('failed');
  });
});
