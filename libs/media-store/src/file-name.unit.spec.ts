import { fallbackFileName, sanitiseFileName } from './file-name';

describe('sanitiseFileName', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    ['Отчёт за ноябрь.pdf', 'Отчёт за ноябрь.pdf'],
    ['写真 2026.jpg', '写真 2026.jpg'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\anna\\cv.docx', 'cv.docx'],
    ['say "hi" it\'s `me`.txt', 'say hi its me.txt'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['bell\u0007\r\nname.txt', 'bell name.txt'],
    ['zero\u200Bwidth.txt', 'zerowidth.txt'],
    ['  ..hidden.  ', 'hidden'],
    ['a<b>c:d*e?f|g.txt', 'abcdefg.txt'],
    ['tabs\tand   spaces.txt', 'tabs and spaces.txt'],
  ])('%j becomes %j', (given, expected) => {
    expect(sanitiseFileName(given)).toBe(expected);
  });

  it.each([null, undefined, '', '/', '...', '"\u0000"', 'dir/'])(
    'finds nothing usable in %j',
    (given) => {
      expect(sanitiseFileName(given)).toBeNull();
    },
  );

  it('cuts a long name at 200 characters and keeps its extension', () => {
    const name = `${'я'.repeat(300)}.pdf`;
    const safe = sanitiseFileName(name)!;
    expect(Array.from(safe)).toHaveLength(200);
    expect(safe.endsWith('я.pdf')).toBe(true);
  });

  it('composes decomposed letters (NFC)', () => {
    expect(sanitiseFileName('e\u0301te\u0301.txt')).toBe('été.txt');
  });
});

describe('fallbackFileName', () => {
  it('names a file by kind, the start of its id and the detected extension', () => {
    expect(fallbackFileName('voice', '0f8e1c2a-0000-4000-8000-000000000000', 'ogg')).toBe(
      'voice-0f8e1c2a.ogg',
    );
    expect(fallbackFileName('document', '0f8e1c2a-0000-4000-8000-000000000000', null)).toBe(
      'document-0f8e1c2a',
    );
  });
});
