import {
  isAttachmentKind,
  templateLibraryId,
  type TemplateAttachment,
  type User,
} from '@parley/contracts';
import type { MediaStore } from '@parley/media-store';
import { uploadRefusal } from '../attachments/attachment-upload';

/**
 * A template's file as the media store knows it (issue 13): one uploaded with `POST
 * /api/templates/attachments`, so kept under the workspace's template library
 * (`templateLibraryId(ws)` in place of a conversation), never a chat's upload. What it is (kind,
 * name, type, size) is the store's word, never the request's. 422 naming `field` otherwise.
 */
export const templateFileOf = async (
  store: MediaStore | null,
  user: Pick<User, 'workspaceId'>,
  mediaId: string,
  field: string,
): Promise<TemplateAttachment> => {
  const stored = await store?.stat(user.workspaceId, mediaId);
  if (
    !stored ||
    stored.conversationId !== templateLibraryId(user.workspaceId) ||
    !isAttachmentKind(stored.kind)
  ) {
    throw uploadRefusal(422, field, 'no file with this id was uploaded for the templates');
  }
  return {
    mediaId: stored.mediaId,
    kind: stored.kind,
    fileName: stored.fileName,
    contentType: stored.contentType,
    size: stored.size,
  };
};
