import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import type { CommandResponse } from '../gateway/gateway-api';
import { IsName } from './crm-validation';
import { IsShortcode, IsTemplateText, IsVariableValue } from './template-validation';
import { TEMPLATE_NAME_MAX } from './templates';

/**
 * The gateway's template routes (B1, B3; listed in crm-admin-api.ts's header). Request bodies
 * are validated with a 400 naming the field; unknown fields are refused.
 */

const TrimmedLowerCase = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  );

/**
 * `POST /api/templates` and `PUT /api/templates/:templateId` (admin): the template as it should
 * be, its file included: a PUT without `attachmentId` (or with null) leaves it without one.
 */
export class TemplateRequest {
  @IsName(TEMPLATE_NAME_MAX) name!: string;
  /** Trimmed and lower-cased on the way in. */
  @TrimmedLowerCase() @IsShortcode() shortcode!: string;
  @IsTemplateText() text!: string;
  /**
   * The media id of a file uploaded with `POST /api/templates/attachments` (issue 13), or the
   * template's current one; what it is comes from the media store (422 naming the field when the
   * store has no such template file in the workspace).
   */
  @IsOptional() @IsUUID() attachmentId?: string | null;
}

/** `POST /api/templates`: accepted, with the id the gateway chose for the new template. */
export interface CreateTemplateResponse extends CommandResponse {
  readonly templateId: string;
}

/** `PUT /api/templates/variables/:name` (admin): the value, empty allowed. */
export class WorkspaceVariableRequest {
  @IsVariableValue() value!: string;
}

/** `POST /api/templates/preview` (admin): a draft's text rendered for one chat's client. */
export class TemplatePreviewRequest {
  @IsTemplateText() text!: string;
  @IsString() @Length(1, 200) conversationId!: string;
}

export interface TemplatePreview {
  /** The text with this client's, this user's and the workspace's values. */
  readonly rendered: string;
  /** Variables of the text that are neither built in nor workspace variables, in order of use. */
  readonly unknownVariables: readonly string[];
}
