/**
 * `Content-Disposition` for a stored file's sanitised name (RFC 6266): `filename*` carries the
 * name in UTF-8 (RFC 8187 percent-encoding), `filename` an ASCII stand-in for old clients.
 */
export const contentDisposition = (kind: 'inline' | 'attachment', fileName: string): string => {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
};

const INLINE_TYPES =
  /^(image\/(png|jpeg|gif|webp|avif|bmp)|audio\/[a-z0-9.+-]+|video\/[a-z0-9.+-]+)$/;

/**
 * Shown in the page (an <img>, <audio>, <video>) only when the bytes were detected as a picture,
 * sound or video a browser plays without running anything (no SVG); everything else downloads.
 */
export const dispositionFor = (contentType: string, source: string): 'inline' | 'attachment' =>
  source === 'detected' && INLINE_TYPES.test(contentType) ? 'inline' : 'attachment';
