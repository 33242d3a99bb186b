import { HttpException } from '@nestjs/common';
import { ATTACHMENT_MAX_BYTES, type AttachmentKind } from '@parley/contracts';

/** An upload refused: the API's error shape, naming the field and the reason. */
export const uploadRefusal = (
  statusCode: 400 | 404 | 413 | 415 | 422,
  field: string,
  reason: string,
): HttpException => {
  const errors: Record<number, string> = {
    400: 'Bad Request',
    404: 'Not Found',
    413: 'Payload Too Large',
    415: 'Unsupported Media Type',
    422: 'Unprocessable Entity',
  };
  return new HttpException(
    { statusCode, error: errors[statusCode], message: reason, issues: [{ field, reason }] },
    statusCode,
  );
};

/** The most bytes an attachment of this kind may have: the Bot API's limit, or the store's. */
export const attachmentLimit = (kind: AttachmentKind, storeMaxBytes: number): number =>
  Math.min(ATTACHMENT_MAX_BYTES[kind], storeMaxBytes);

/** The declared size, when the request says it (Content-Length), to refuse before reading. */
export const declaredLength = (header: string | undefined): number | null => {
  if (header === undefined || !/^\d{1,15}$/.test(header)) return null;
  return Number(header);
};
