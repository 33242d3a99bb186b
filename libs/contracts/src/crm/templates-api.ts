import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
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

/** `POST /api/templates` and `PUT /api/templates/:templateId` (admin). */
export class TemplateRequest {
  @IsName(TEMPLATE_NAME_MAX) name!: string;
  /** Trimmed and lower-cased on the way in. */
  @TrimmedLowerCase() @IsShortcode() shortcode!: string;
  @IsTemplateText() text!: string;
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
