import type {
  AssistantSettingsRequest,
  ChatListItem,
  CommandResponse,
  ConversionKeyList,
  CreateConversionKeyResponse,
  CreateRuleResponse,
  CreateTemplateResponse,
  CreateTrackingLinkRequest,
  CreateTrackingLinkResponse,
  CrmSettingsView,
  Page,
  Pipeline,
  RobotRuleView,
  RuleDefinition,
  TagCatalogue,
  TemplateLibraryView,
  TemplatePreview,
  TemplateRequest,
  TrackingLinkList,
  TranslationSettingsRequest,
  TranslationSettingsView,
  WorkspaceUserList,
} from '@parley/contracts';
import { createTemplateFileUpload } from './attachment-upload';
import type { HttpClient } from './http-client';

const stagePath = (stageId: string, rest = ''): string =>
  `/api/crm/pipeline/stages/${encodeURIComponent(stageId)}${rest}`;
const tagPath = (name: string): string => `/api/crm/tags/${encodeURIComponent(name)}`;
const templatePath = (templateId: string): string =>
  `/api/templates/${encodeURIComponent(templateId)}`;
const rulePath = (ruleId: string, rest = ''): string =>
  `/api/robots/rules/${encodeURIComponent(ruleId)}${rest}`;
const variablePath = (name: string): string =>
  `/api/templates/variables/${encodeURIComponent(name)}`;

/**
 * The gateway's admin routes (issue 10): pipeline and tags (A4), tracking links (R2), conversion
 * keys (A3), the registration-link template (R7); reply templates and workspace variables
 * (issue 13, B1/B3); robots' rules (issue 13, A1/A2/A4); translation and the AI assistant (issue
 * 12). Every change answers 403 for a manager.
 */
export const createAdminApi = (http: HttpClient) => ({
  pipeline: (): Promise<Pipeline> => http.request<Pipeline>('GET', '/api/crm/pipeline'),
  addStage: (name: string): Promise<CommandResponse & { stageId: string }> =>
    http.request<CommandResponse & { stageId: string }>('POST', '/api/crm/pipeline/stages', {
      name,
    }),
  renameStage: (stageId: string, name: string): Promise<CommandResponse> =>
    http.request<CommandResponse>('PATCH', stagePath(stageId), { name }),
  retireStage: (stageId: string): Promise<CommandResponse> =>
    http.request<CommandResponse>('POST', stagePath(stageId, '/retire')),
  /** Every live stage id once, in the new order. */
  reorderStages: (stageIds: readonly string[]): Promise<CommandResponse> =>
    http.request<CommandResponse>('PUT', '/api/crm/pipeline/order', { stageIds }),

  tagCatalogue: (): Promise<TagCatalogue> => http.request<TagCatalogue>('GET', '/api/crm/tags'),
  createTag: (name: string, colour: string): Promise<CommandResponse> =>
    http.request<CommandResponse>('POST', '/api/crm/tags', { name, colour }),
  changeTagColour: (name: string, colour: string): Promise<CommandResponse> =>
    http.request<CommandResponse>('PATCH', tagPath(name), { colour }),
  deleteTag: (name: string): Promise<CommandResponse> =>
    http.request<CommandResponse>('DELETE', tagPath(name)),
  setManagersCreateTags: (managersCreateTags: boolean): Promise<CommandResponse> =>
    http.request<CommandResponse>('PUT', '/api/crm/tags/settings', { managersCreateTags }),

  trackingLinks: (): Promise<TrackingLinkList> =>
    http.request<TrackingLinkList>('GET', '/api/crm/tracking-links'),
  createTrackingLink: (request: CreateTrackingLinkRequest): Promise<CreateTrackingLinkResponse> =>
    http.request<CreateTrackingLinkResponse>('POST', '/api/crm/tracking-links', request),

  conversionKeys: (): Promise<ConversionKeyList> =>
    http.request<ConversionKeyList>('GET', '/api/crm/conversion-keys'),
  /** The answer holds the key's secret: the only time it is shown. */
  createConversionKey: (label: string): Promise<CreateConversionKeyResponse> =>
    http.request<CreateConversionKeyResponse>('POST', '/api/crm/conversion-keys', { label }),
  revokeConversionKey: (keyId: string): Promise<CommandResponse> =>
    http.request<CommandResponse>(
      'POST',
      `/api/crm/conversion-keys/${encodeURIComponent(keyId)}/revoke`,
    ),

  crmSettings: (): Promise<CrmSettingsView> =>
    http.request<CrmSettingsView>('GET', '/api/crm/settings'),
  /** A template holding `{click_id}`, or null to clear it. */
  setRegistrationLinkTemplate: (template: string | null): Promise<CommandResponse> =>
    http.request<CommandResponse>('PUT', '/api/crm/registration-link', { template }),

  /** The workspace's reply templates and variables (the defaults included). */
  templateLibrary: (): Promise<TemplateLibraryView> =>
    http.request<TemplateLibraryView>('GET', '/api/templates'),
  createTemplate: (template: TemplateRequest): Promise<CreateTemplateResponse> =>
    http.request<CreateTemplateResponse>('POST', '/api/templates', template),
  updateTemplate: (templateId: string, template: TemplateRequest): Promise<CommandResponse> =>
    http.request<CommandResponse>('PUT', templatePath(templateId), template),
  /** Uploads a template's file (issue 13), with its progress; name it as `attachmentId`. */
  uploadTemplateFile: createTemplateFileUpload(http),
  deleteTemplate: (templateId: string): Promise<CommandResponse> =>
    http.request<CommandResponse>('DELETE', templatePath(templateId)),
  /** Adds a workspace variable or changes its value. */
  setTemplateVariable: (name: string, value: string): Promise<CommandResponse> =>
    http.request<CommandResponse>('PUT', variablePath(name), { value }),
  /** Refused (`variable.in_use`) while a template uses it. */
  removeTemplateVariable: (name: string): Promise<CommandResponse> =>
    http.request<CommandResponse>('DELETE', variablePath(name)),
  /** A draft's text as one chat's client would get it, for the live preview. */
  previewTemplate: (text: string, conversationId: string): Promise<TemplatePreview> =>
    http.request<TemplatePreview>('POST', '/api/templates/preview', { text, conversationId }),
  /** The chats, to pick one to preview a template with. */
  chats: (): Promise<Page<ChatListItem>> => http.request<Page<ChatListItem>>('GET', '/api/chats'),

  /** The workspace's users by name, for the robots' manager pickers. */
  users: (): Promise<WorkspaceUserList> => http.request<WorkspaceUserList>('GET', '/api/users'),

  /** The robots' rules in evaluation order, each with its last runs. */
  robotRules: (): Promise<RobotRuleView[]> =>
    http.request<RobotRuleView[]>('GET', '/api/robots/rules'),
  /** Refused (`rule.invalid`, naming `field: reason` pairs) when the definition is wrong. */
  createRobotRule: (definition: RuleDefinition, enabled?: boolean): Promise<CreateRuleResponse> =>
    http.request<CreateRuleResponse>('POST', '/api/robots/rules', {
      definition,
      ...(enabled === undefined ? {} : { enabled }),
    }),
  updateRobotRule: (ruleId: string, definition: RuleDefinition): Promise<CommandResponse> =>
    http.request<CommandResponse>('PUT', rulePath(ruleId), { definition }),
  enableRobotRule: (ruleId: string): Promise<CommandResponse> =>
    http.request<CommandResponse>('POST', rulePath(ruleId, '/enable')),
  disableRobotRule: (ruleId: string): Promise<CommandResponse> =>
    http.request<CommandResponse>('POST', rulePath(ruleId, '/disable')),
  deleteRobotRule: (ruleId: string): Promise<CommandResponse> =>
    http.request<CommandResponse>('DELETE', rulePath(ruleId)),

  /** The translation provider, team language and AI assistant (issue 12); never the key. */
  translationSettings: (): Promise<TranslationSettingsView> =>
    http.request<TranslationSettingsView>('GET', '/api/translation/settings'),
  /** The provider (null: none) and the team's language. */
  setTranslationSettings: (settings: TranslationSettingsRequest): Promise<CommandResponse> =>
    http.request<CommandResponse>('PUT', '/api/translation/settings', {
      provider: settings.provider,
      teamLanguage: settings.teamLanguage,
    }),
  /** Replaces the assistant: endpoint, model and key (absent: a server without one). */
  setAssistant: (settings: AssistantSettingsRequest): Promise<CommandResponse> =>
    http.request<CommandResponse>('PUT', '/api/translation/assistant', settings),
  removeAssistant: (): Promise<CommandResponse> =>
    http.request<CommandResponse>('DELETE', '/api/translation/assistant'),
});

export type AdminApi = ReturnType<typeof createAdminApi>;
