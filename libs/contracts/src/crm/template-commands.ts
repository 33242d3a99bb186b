import { IsIn } from 'class-validator';
import type { ActorRole } from './crm-commands';
import type { TemplateAttachment } from './templates';
import {
  IsNullableTemplateAttachment,
  IsShortcode,
  IsTemplateId,
  IsTemplateName,
  IsTemplateText,
  IsVariableName,
  IsVariableValue,
  TemplateAttachmentDto,
} from './template-validation';

const ROLES: readonly ActorRole[] = ['admin', 'manager'];

// Template library commands (stream `crm-{workspaceId}:templates`, templateLibraryId): admins
// only (B1, B3). The gateway sends them to the crm service.

/** `CreateTemplate`: `templateId` is chosen by the sender, so a retried request creates one. */
export interface CreateTemplateData {
  readonly templateId: string;
  readonly name: string;
  readonly shortcode: string;
  readonly text: string;
  /** The template's file (issue 13), what the media store says of it; null for none. */
  readonly attachment: TemplateAttachment | null;
  readonly actorRole: ActorRole;
}

export class CreateTemplateDataDto implements CreateTemplateData {
  @IsTemplateId() templateId!: string;
  @IsTemplateName() name!: string;
  @IsShortcode() shortcode!: string;
  @IsTemplateText() text!: string;
  @IsNullableTemplateAttachment() attachment!: TemplateAttachmentDto | null;
  @IsIn(ROLES) actorRole!: ActorRole;
}

/** `ChangeTemplate`: the template's name, shortcode, text and file as they should be. */
export interface ChangeTemplateData {
  readonly templateId: string;
  readonly name: string;
  readonly shortcode: string;
  readonly text: string;
  /** The template's file (issue 13), what the media store says of it; null for none. */
  readonly attachment: TemplateAttachment | null;
  readonly actorRole: ActorRole;
}

export class ChangeTemplateDataDto implements ChangeTemplateData {
  @IsTemplateId() templateId!: string;
  @IsTemplateName() name!: string;
  @IsShortcode() shortcode!: string;
  @IsTemplateText() text!: string;
  @IsNullableTemplateAttachment() attachment!: TemplateAttachmentDto | null;
  @IsIn(ROLES) actorRole!: ActorRole;
}

export interface DeleteTemplateData {
  readonly templateId: string;
  readonly actorRole: ActorRole;
}

export class DeleteTemplateDataDto implements DeleteTemplateData {
  @IsTemplateId() templateId!: string;
  @IsIn(ROLES) actorRole!: ActorRole;
}

/** `SetWorkspaceVariable`: adds the variable or changes its value. */
export interface SetWorkspaceVariableData {
  readonly name: string;
  readonly value: string;
  readonly actorRole: ActorRole;
}

export class SetWorkspaceVariableDataDto implements SetWorkspaceVariableData {
  @IsVariableName() name!: string;
  @IsVariableValue() value!: string;
  @IsIn(ROLES) actorRole!: ActorRole;
}

export interface RemoveWorkspaceVariableData {
  readonly name: string;
  readonly actorRole: ActorRole;
}

export class RemoveWorkspaceVariableDataDto implements RemoveWorkspaceVariableData {
  @IsVariableName() name!: string;
  @IsIn(ROLES) actorRole!: ActorRole;
}
