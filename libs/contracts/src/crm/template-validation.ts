import { IsIn, IsString, IsUUID, Length, Matches, ValidateIf } from 'class-validator';
import { NestedObject } from '../validation/nested-object';
import {
  ATTACHMENT_KINDS,
  AttachmentDto,
  type AttachmentKind,
} from '../conversation/attachment-content';
import { IsVisibleText } from '../validation/visible-text';
import { IsTrimmedName } from './crm-validation';
import {
  SHORTCODE_PATTERN,
  TEMPLATE_NAME_MAX,
  TEMPLATE_TEXT_MAX,
  VARIABLE_NAME_PATTERN,
  VARIABLE_VALUE_MAX,
  type TemplateAttachment,
} from './templates';

/**
 * The rules of reply templates and workspace variables (B1, B3), shared by the commands, the
 * events and the gateway's requests so all three accept the same values.
 */

/** A template's id: a UUID the sender chose. */
export const IsTemplateId = (): PropertyDecorator => IsUUID();

/** A template's name as stored: trimmed, 1..TEMPLATE_NAME_MAX visible characters. */
export const IsTemplateName = (): PropertyDecorator => IsTrimmedName(TEMPLATE_NAME_MAX);

/** What a manager types after `/`: SHORTCODE_PATTERN. */
export const IsShortcode = (): PropertyDecorator => (target, key) => {
  IsString()(target, key);
  Matches(SHORTCODE_PATTERN, {
    message: `${String(key)} must be 1 to 32 characters of a-z, 0-9, _ and -, starting with a letter or digit`,
  })(target, key);
};

/** A template's text: 1..TEMPLATE_TEXT_MAX characters with something visible. */
export const IsTemplateText = (): PropertyDecorator => (target, key) => {
  IsString()(target, key);
  Length(1, TEMPLATE_TEXT_MAX, {
    message: `${String(key)} must be 1 to ${TEMPLATE_TEXT_MAX} characters`,
  })(target, key);
  IsVisibleText()(target, key);
};

/** A workspace variable's name: VARIABLE_NAME_PATTERN. */
export const IsVariableName = (): PropertyDecorator => (target, key) => {
  IsString()(target, key);
  Matches(VARIABLE_NAME_PATTERN, {
    message: `${String(key)} must be 1 to 32 characters of a-z, 0-9 and _, starting with a letter`,
  })(target, key);
};

/** A workspace variable's value: empty, or up to VARIABLE_VALUE_MAX characters a person wrote. */
export const IsVariableValue = (): PropertyDecorator => (target, key) => {
  IsString()(target, key);
  Length(0, VARIABLE_VALUE_MAX, {
    message: `${String(key)} must be at most ${VARIABLE_VALUE_MAX} characters`,
  })(target, key);
  ValidateIf((o: Record<string | symbol, unknown>) => o[key] !== '')(target, key);
  IsVisibleText()(target, key);
};

/** A template's file as commands and events carry it (issue 13): an attachment with its kind. */
export class TemplateAttachmentDto extends AttachmentDto implements TemplateAttachment {
  @IsIn(ATTACHMENT_KINDS) kind!: AttachmentKind;
}

const templateAttachment =
  (absent: null | undefined): PropertyDecorator =>
  (target, key) => {
    ValidateIf((o: Record<string | symbol, unknown>) => o[key] !== absent)(target, key);
    NestedObject(() => TemplateAttachmentDto)(target, key);
  };

/** A command's template file: a TemplateAttachmentDto, or null for none (never missing). */
export const IsNullableTemplateAttachment = (): PropertyDecorator => templateAttachment(null);

/**
 * An event's template file: a TemplateAttachmentDto, or missing for none, so that the events
 * written before templates had files (issue 13) read as they are, in schema version 1.
 */
export const IsOptionalTemplateAttachment = (): PropertyDecorator => templateAttachment(undefined);
