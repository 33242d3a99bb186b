import { useEffect, useRef, useState } from 'react';
import type { AttachmentKind, UploadedAttachment } from '@parley/contracts';
import type { UploadProgress } from '../api/attachment-upload';

/** Uploads a file of the open conversation (the api's uploadAttachment, bound to it). */
export type UploadFile = (
  kind: AttachmentKind,
  file: Blob,
  name: string,
  onProgress: UploadProgress,
  signal: AbortSignal,
) => Promise<UploadedAttachment>;

/**
 * The reply's file: uploading (with its progress), uploaded and ready to send, or the file of
 * the reply template the manager chose (issue 13), which the gateway takes from the library.
 */
export type ReplyAttachment =
  | {
      readonly status: 'uploading';
      readonly kind: AttachmentKind;
      readonly name: string;
      readonly size: number;
      readonly loaded: number;
      readonly total: number;
    }
  | {
      readonly status: 'ready';
      readonly kind: AttachmentKind;
      readonly name: string;
      readonly size: number;
      readonly uploaded: UploadedAttachment;
    }
  | {
      readonly status: 'template';
      readonly kind: AttachmentKind;
      readonly name: string;
      readonly size: number;
      /** The template whose file it is: the message names it (`templateId`). */
      readonly templateId: string;
      /** The file as the library shows it (what the timeline shows while it is sent). */
      readonly uploaded: UploadedAttachment;
    };

/**
 * The reply bar's one attachment. `start` uploads a file at once (replacing any other) and
 * resolves with the upload, or null when it was removed or replaced meanwhile; it rejects with
 * the gateway's reason, and the attachment is gone. `clear` removes it, cancelling its upload.
 * `show` puts a file that needs no upload in its place (a template's, or a kept one).
 */
export const useAttachmentUpload = (upload: UploadFile) => {
  const [attachment, setAttachment] = useState<ReplyAttachment | null>(null);
  const inFlight = useRef<AbortController | null>(null);

  useEffect(() => () => inFlight.current?.abort(), []);

  const start = async (
    file: Blob,
    kind: AttachmentKind,
    name: string,
  ): Promise<UploadedAttachment | null> => {
    inFlight.current?.abort();
    const own = new AbortController();
    inFlight.current = own;
    setAttachment({
      status: 'uploading',
      kind,
      name,
      size: file.size,
      loaded: 0,
      total: file.size,
    });
    const onProgress: UploadProgress = (loaded, total) => {
      if (inFlight.current !== own) return;
      setAttachment((shown) =>
        shown?.status === 'uploading' ? { ...shown, loaded, total } : shown,
      );
    };
    try {
      const uploaded = await upload(kind, file, name, onProgress, own.signal);
      if (inFlight.current !== own) return null;
      inFlight.current = null;
      setAttachment({
        status: 'ready',
        kind: uploaded.kind,
        name: uploaded.fileName,
        size: uploaded.size,
        uploaded,
      });
      return uploaded;
    } catch (failure) {
      if (inFlight.current !== own) return null;
      inFlight.current = null;
      setAttachment(null);
      throw failure;
    }
  };

  const clear = (): void => {
    const own = inFlight.current;
    inFlight.current = null;
    own?.abort();
    setAttachment(null);
  };

  const show = (kept: ReplyAttachment): void => {
    inFlight.current?.abort();
    inFlight.current = null;
    setAttachment(kept);
  };

  return { attachment, start, clear, show };
};
