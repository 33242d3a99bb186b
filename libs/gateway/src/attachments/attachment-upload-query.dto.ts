import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { ATTACHMENT_KINDS, type AttachmentKind } from '@parley/contracts';

/** POST /api/chats/:conversationId/attachments?kind=document&name=offer.pdf */
export class AttachmentUploadQuery {
  @IsIn(ATTACHMENT_KINDS, { message: `kind must be one of ${ATTACHMENT_KINDS.join(', ')}` })
  kind!: AttachmentKind;

  /** The file's name on the manager's computer; only its sanitised form is kept. */
  @IsOptional() @IsString() @Length(1, 255) name?: string;
}
