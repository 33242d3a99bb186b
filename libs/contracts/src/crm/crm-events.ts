import type { DomainEvent } from '../envelope/event-envelope';
import type { TemplateAttachment } from './templates';

/**
 * Where the client came from (R2): the tracking link whose key the client's first `/start`
 * carried, a base64url JSON payload, or widget parameters. `platform` and `linkKey` came later
 * than the rest and are absent on older events (read them as null).
 */
export interface Attribution {
  readonly source: string | null;
  readonly platform?: string | null;
  readonly campaign: string | null;
  readonly ad: string | null;
  readonly adSet: string | null;
  /** The key of the admin's tracking link it came from, when it did. */
  readonly linkKey?: string | null;
  /** The payload as it arrived, for what the parser did not understand. */
  readonly raw: string | null;
}

// CRM events; streams `crm-{contactId}` and `crm-{dealId}` (both ids carry the workspace).

/** The client's contact card (R1), created when the client first shows up: by `/start` or by a message. */
export type ContactCreated = DomainEvent<
  'Crm.ContactCreated',
  {
    readonly contactId: string;
    readonly conversationId: string;
    readonly channel: 'telegram';
    readonly platform: 'telegram';
    readonly telegramId: string;
    readonly username: string | null;
    readonly firstName: string;
    readonly lastName: string | null;
    readonly languageCode: string | null;
    readonly attribution: Attribution;
    /**
     * Whether the contact was created by the client's `/start` (then its attribution is final);
     * false when by a message, so the first `/start` still records one. Absent on older events:
     * read as `attribution.raw !== null`.
     */
    readonly started?: boolean;
    readonly createdAt: string;
  }
>;

/** The client's deal (R3), created with the contact at the pipeline's first live stage, line 1. */
export type DealCreated = DomainEvent<
  'Crm.DealCreated',
  {
    readonly dealId: string;
    readonly contactId: string;
    readonly conversationId: string;
    /** The first stage of the workspace's pipeline. */
    readonly stage: string;
    readonly line: 1 | 2;
    readonly channel: 'telegram';
    readonly createdAt: string;
  }
>;

/** A tag of the workspace's catalogue: its name (unique, case-insensitively) and colour. */
export interface Tag {
  readonly name: string;
  /** `#rrggbb`, lower case. */
  readonly colour: string;
}

/** A stage of the workspace's pipeline (R3, A4): a stable id, a name admins can change. */
export interface PipelineStage {
  readonly stageId: string;
  readonly name: string;
  /** A retired stage keeps its deals, but no deal moves into it. */
  readonly retired: boolean;
}

/** A contact field a manager edits (R1); Telegram ID, username and attribution are read-only. */
export type EditableContactField = 'name' | 'country' | 'phone';

export interface ContactFieldChange {
  readonly field: EditableContactField;
  readonly from: string | null;
  readonly to: string | null;
}

// Contact stream `crm-{contactId}`: every event names its conversation, for the read models.

/** A tag put on the contact; `tags` holds the contact's tags after it. */
export type TagAdded = DomainEvent<
  'Crm.TagAdded',
  {
    readonly contactId: string;
    readonly conversationId: string;
    readonly tag: Tag;
    /** The contact's tags after the change, in the order they were added. */
    readonly tags: readonly Tag[];
  }
>;

/** A tag taken off the contact; `tags` holds the contact's tags after it. */
export type TagRemoved = DomainEvent<
  'Crm.TagRemoved',
  {
    readonly contactId: string;
    readonly conversationId: string;
    readonly tag: Tag;
    readonly tags: readonly Tag[];
  }
>;

/** Assigned, or reassigned when `previousManagerId` is set. */
export type ResponsibleManagerAssigned = DomainEvent<
  'Crm.ResponsibleManagerAssigned',
  {
    readonly contactId: string;
    readonly conversationId: string;
    readonly managerId: string;
    readonly previousManagerId: string | null;
  }
>;

/** The contact has no responsible manager any more. */
export type ResponsibleManagerUnassigned = DomainEvent<
  'Crm.ResponsibleManagerUnassigned',
  {
    readonly contactId: string;
    readonly conversationId: string;
    readonly previousManagerId: string;
  }
>;

/** A manager edited the contact's fields: only the fields that changed. */
export type ContactEdited = DomainEvent<
  'Crm.ContactEdited',
  {
    readonly contactId: string;
    readonly conversationId: string;
    readonly changes: readonly ContactFieldChange[];
  }
>;

/** A manual sale (R6). `amount` is a decimal string, `amountMinor` the same in minor units. */
export type SaleRecorded = DomainEvent<
  'Crm.SaleRecorded',
  {
    readonly contactId: string;
    readonly conversationId: string;
    readonly saleId: string;
    readonly accountId: string;
    readonly amount: string;
    readonly amountMinor: number;
    /** ISO 4217. */
    readonly currency: string;
    readonly recordedAt: string;
  }
>;

/**
 * The client's first `/start` came after the contact was created by a message (R2): what it
 * carried, empty when it carried nothing. Later `/start`s record nothing.
 */
export type AttributionRecorded = DomainEvent<
  'Crm.AttributionRecorded',
  {
    readonly contactId: string;
    readonly conversationId: string;
    readonly attribution: Attribution;
  }
>;

/**
 * An external system reported a registration or a deposit (A3, R7), once per external id. A
 * deposit carries an amount; a registration may carry one (then it counts as a sale too).
 */
export type ConversionRecorded = DomainEvent<
  'Crm.ConversionRecorded',
  {
    readonly contactId: string;
    readonly conversationId: string;
    readonly conversionType: 'registration' | 'deposit';
    readonly externalId: string;
    /** The conversion key that signed the request. */
    readonly keyId: string;
    readonly amount: string | null;
    readonly amountMinor: number | null;
    readonly currency: string | null;
    readonly accountId: string | null;
    readonly occurredAt: string;
  }
>;

// Deal stream `crm-{dealId}`.

/** The deal moved to another live stage of the pipeline (R3). */
export type DealStageChanged = DomainEvent<
  'Crm.DealStageChanged',
  {
    readonly dealId: string;
    readonly conversationId: string;
    readonly from: string;
    readonly to: string;
    /** The stages' names when it happened, for the timeline. */
    readonly fromName: string | null;
    readonly toName: string;
  }
>;

/** The deal moved to line 1 or 2. */
export type DealLineChanged = DomainEvent<
  'Crm.DealLineChanged',
  {
    readonly dealId: string;
    readonly conversationId: string;
    readonly from: 1 | 2;
    readonly to: 1 | 2;
  }
>;

// CRM settings stream `crm-{workspaceId}:crm_settings` (crmSettingsId): tag catalogue, pipeline.

/** A tag joined the workspace's catalogue (by an admin, or on the fly when allowed). */
export type TagCreated = DomainEvent<'Crm.TagCreated', Tag>;

/** An admin recoloured a tag of the catalogue. */
export type TagColourChanged = DomainEvent<
  'Crm.TagColourChanged',
  { readonly name: string; readonly from: string; readonly to: string }
>;

/** Whether a manager may create a tag on the fly by adding one the catalogue lacks. */
export type TagSettingsChanged = DomainEvent<
  'Crm.TagSettingsChanged',
  { readonly managersCreateTags: boolean }
>;

/** An admin added a stage at the end of the live stages. */
export type StageAdded = DomainEvent<
  'Crm.StageAdded',
  { readonly stageId: string; readonly name: string }
>;

/** An admin renamed a stage; deals keep its id. */
export type StageRenamed = DomainEvent<
  'Crm.StageRenamed',
  { readonly stageId: string; readonly from: string; readonly to: string }
>;

/** The live stages in their new order. */
export type StagesReordered = DomainEvent<
  'Crm.StagesReordered',
  { readonly stageIds: readonly string[] }
>;

/** No deal moves into this stage any more; its deals stay. */
export type StageRetired = DomainEvent<'Crm.StageRetired', { readonly stageId: string }>;

/** Gone from the catalogue; contacts tagged with it keep the tag until someone removes it. */
export type TagDeleted = DomainEvent<'Crm.TagDeleted', { readonly name: string }>;

/** The workspace's registration-link template (R7), with `{click_id}`; null when cleared. */
export type RegistrationLinkTemplateChanged = DomainEvent<
  'Crm.RegistrationLinkTemplateChanged',
  { readonly template: string | null }
>;

/** What a tracking link attributes its clients to (R2); `key` is what follows `/start`. */
export interface TrackingLinkFields {
  readonly key: string;
  readonly source: string;
  readonly platform: string | null;
  readonly campaign: string | null;
  readonly ad: string | null;
  readonly adSet: string | null;
}

/** A tracking link an admin made (R2): `/start <key>` attributes the client to it. */
export type TrackingLinkCreated = DomainEvent<
  'Crm.TrackingLinkCreated',
  TrackingLinkFields & { readonly createdAt: string }
>;

/** A key external systems sign conversions with (A3); its secret is derived, never stored. */
export type ConversionKeyCreated = DomainEvent<
  'Crm.ConversionKeyCreated',
  { readonly keyId: string; readonly label: string; readonly createdAt: string }
>;

/** The key no longer signs conversions. */
export type ConversionKeyRevoked = DomainEvent<
  'Crm.ConversionKeyRevoked',
  { readonly keyId: string; readonly revokedAt: string }
>;

// Template library stream `crm-{workspaceId}:templates` (templateLibraryId): reply templates and
// workspace variables (B1, B3).

/**
 * The fields of a reply template: its name, the shortcode managers type after `/`, its text, and
 * the file sent with it (issue 13).
 */
export interface TemplateFields {
  readonly templateId: string;
  readonly name: string;
  readonly shortcode: string;
  /** The text with `{variables}`, rendered for the client when a manager picks it. */
  readonly text: string;
  /**
   * The file the text goes out with, as its caption; missing for a text-only template. Optional
   * rather than nullable so that the events written before templates had files are still
   * schema version 1 as they are: a missing field there means what it means here.
   */
  readonly attachment?: TemplateAttachment;
}

/** An admin added a reply template to the workspace's library (B1). */
export type TemplateCreated = DomainEvent<'Crm.TemplateCreated', TemplateFields>;

/** An admin changed a template's name, shortcode, text or file: all of them as they are now. */
export type TemplateChanged = DomainEvent<'Crm.TemplateChanged', TemplateFields>;

/** An admin deleted a template from the library. */
export type TemplateDeleted = DomainEvent<'Crm.TemplateDeleted', { readonly templateId: string }>;

/** An admin set a workspace variable (B3) that templates use as `{name}`, adding it if new. */
export type WorkspaceVariableSet = DomainEvent<
  'Crm.WorkspaceVariableSet',
  { readonly name: string; readonly value: string }
>;

/** An admin removed a workspace variable no template uses. */
export type WorkspaceVariableRemoved = DomainEvent<
  'Crm.WorkspaceVariableRemoved',
  { readonly name: string }
>;

export type ContactEvent =
  | ContactCreated
  | TagAdded
  | TagRemoved
  | ResponsibleManagerAssigned
  | ResponsibleManagerUnassigned
  | ContactEdited
  | SaleRecorded
  | AttributionRecorded
  | ConversionRecorded;

export type DealEvent = DealCreated | DealStageChanged | DealLineChanged;

export type CrmSettingsEvent =
  | TagCreated
  | TagColourChanged
  | TagSettingsChanged
  | StageAdded
  | StageRenamed
  | StagesReordered
  | StageRetired
  | TagDeleted
  | RegistrationLinkTemplateChanged
  | TrackingLinkCreated
  | ConversionKeyCreated
  | ConversionKeyRevoked;

export type TemplateLibraryEvent =
  | TemplateCreated
  | TemplateChanged
  | TemplateDeleted
  | WorkspaceVariableSet
  | WorkspaceVariableRemoved;

/** The CRM's events of contacts and deals: each names its conversation. */
export type CrmEvent = ContactEvent | DealEvent;
export type CrmEventType = CrmEvent['type'];

/** The pipeline every workspace starts with, until an admin changes it (A4). */
export const DEFAULT_PIPELINE = ['new', 'in_progress', 'registered', 'deposited', 'lost'] as const;

/** DEFAULT_PIPELINE's stages with their names. */
export const DEFAULT_PIPELINE_STAGES: readonly PipelineStage[] = [
  { stageId: 'new', name: 'New', retired: false },
  { stageId: 'in_progress', name: 'In progress', retired: false },
  { stageId: 'registered', name: 'Registered', retired: false },
  { stageId: 'deposited', name: 'Deposited', retired: false },
  { stageId: 'lost', name: 'Lost', retired: false },
];

/** `ws1:crm_settings`: the one CRM settings aggregate of a workspace (tags, pipeline). */
export const crmSettingsId = (workspaceId: string): string => `${workspaceId}:crm_settings`;
