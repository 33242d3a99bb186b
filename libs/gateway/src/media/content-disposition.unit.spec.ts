import { contentDisposition, dispositionFor } from './content-disposition';

describe('contentDisposition', () => {
  it('gives an ASCII name as both forms', () => {
    expect(contentDisposition('attachment', 'report.pdf')).toBe(
      `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`,
    );
  });

  it('percent-encodes a Unicode name in filename* and stands in underscores for old clients', () => {
    expect(contentDisposition('inline', 'Отчёт (1).pdf')).toBe(
      `inline; filename="_____ (1).pdf"; filename*=UTF-8''%D0%9E%D1%82%D1%87%D1%91%D1%82%20%281%29.pdf`,
    );
  });

  it('keeps backslashes and percent signs out of the quoted form', () => {
    expect(contentDisposition('attachment', '100% \\ done.txt')).toBe(
      `attachment; filename="100_ _ done.txt"; filename*=UTF-8''100%25%20%5C%20done.txt`,
    );
  });
});

describe('dispositionFor', () => {
  it.each([
    ['image/png', 'detected', 'inline'],
    ['video/mp4', 'detected', 'inline'],
    ['audio/ogg', 'detected', 'inline'],
    ['image/svg+xml', 'detected', 'attachment'],
    ['application/pdf', 'detected', 'attachment'],
    ['image/png', 'declared', 'attachment'],
    ['text/html', 'declared', 'attachment'],
  ])('%s (%s) is %s', (type, source, expected) => {
    expect(dispositionFor(type, source)).toBe(expected);
  });
});
