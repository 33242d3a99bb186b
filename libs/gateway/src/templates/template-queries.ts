import {
  CARDS_COLLECTION,
  CLICK_ID_PLACEHOLDER,
  TEMPLATE_LIBRARIES_COLLECTION,
  renderTemplate,
  templateLibraryView,
  unknownVariablesIn,
  type BuiltInTemplateVariable,
  type ClientCard,
  type RenderedTemplate,
  type ReplyTemplate,
  type TemplateLibraryDocument,
  type TemplateLibraryView,
  type TemplatePreview,
  type User,
} from '@parley/contracts';
import type { ReadStore } from '@parley/read-store';
import type { ChatQueries } from '../chats/chat-queries';
import type { CrmSettingsQueries } from '../crm/crm-settings-queries';

/**
 * The client's registration link as the card shows it (R7): the workspace's template with every
 * `{click_id}` replaced by the contact's click id; empty when either is missing.
 */
export const registrationLinkOf = (template: string | null, clickId: string | undefined): string =>
  template && clickId ? template.split(CLICK_ID_PLACEHOLDER).join(encodeURIComponent(clickId)) : '';

/** The workspace's library as the projector wrote it; the defaults before it wrote one. */
const libraryOf = async (
  readStore: ReadStore,
  workspaceId: string,
): Promise<TemplateLibraryView> => {
  const document = await readStore
    .collection(TEMPLATE_LIBRARIES_COLLECTION)
    .findOne({ _id: workspaceId, workspaceId });
  return templateLibraryView(document as unknown as TemplateLibraryDocument | null);
};

/**
 * One template of the workspace's library (the read model), or null: where a message sent with a
 * template's file (issue 13) takes that file from.
 */
export const libraryTemplate = async (
  readStore: ReadStore,
  workspaceId: string,
  templateId: string,
): Promise<ReplyTemplate | null> =>
  (await libraryOf(readStore, workspaceId)).templates.find((t) => t.templateId === templateId) ??
  null;

/**
 * Reply templates (B1, B3) as the gateway reads them: the workspace's `template_libraries`
 * document (the defaults before the projector wrote one), and its templates rendered for one
 * chat's client and the signed-in user. Always inside the user's workspace: another
 * workspace's chat answers 404 like an unknown one.
 */
export class TemplateQueries {
  constructor(
    private readonly readStore: ReadStore,
    private readonly chats: ChatQueries,
    private readonly settings: CrmSettingsQueries,
  ) {}

  library(user: Pick<User, 'workspaceId'>): Promise<TemplateLibraryView> {
    return libraryOf(this.readStore, user.workspaceId);
  }

  /** Every template of the workspace, in creation order, rendered for this chat. */
  async renderedForChat(user: User, conversationId: string): Promise<RenderedTemplate[]> {
    const [library, values] = await Promise.all([
      this.library(user),
      this.valuesForChat(user, conversationId),
    ]);
    const all = { ...library.variables, ...values };
    return library.templates.map((t) => ({ ...t, rendered: renderTemplate(t.text, all) }));
  }

  /** A draft's text rendered for this chat, with the variables it uses that do not exist. */
  async preview(user: User, text: string, conversationId: string): Promise<TemplatePreview> {
    const [library, values] = await Promise.all([
      this.library(user),
      this.valuesForChat(user, conversationId),
    ]);
    return {
      rendered: renderTemplate(text, { ...library.variables, ...values }),
      unknownVariables: unknownVariablesIn(text, Object.keys(library.variables)),
    };
  }

  /**
   * The built-in variables for this chat: the card's contact name, the user's name, the name of
   * the deal's stage in the pipeline and the client's registration link; empty when the card
   * lacks them (a chat whose contact is not created yet). 404 for a chat not in the workspace.
   */
  private async valuesForChat(
    user: User,
    conversationId: string,
  ): Promise<Record<BuiltInTemplateVariable, string>> {
    const card = (await this.readStore
      .collection(CARDS_COLLECTION)
      .findOne({ _id: conversationId, workspaceId: user.workspaceId })) as ClientCard | null;
    if (!card) await this.chats.assertChatExists(user, conversationId);
    const [pipeline, crmSettings] = await Promise.all([
      this.settings.pipeline(user),
      this.settings.settingsView(user),
    ]);
    const stageId = card?.deal?.stage;
    const stage =
      stageId === undefined
        ? ''
        : (pipeline.stages.find((s) => s.stageId === stageId)?.name ?? stageId);
    return {
      user_name: card?.contact?.name ?? '',
      manager_name: user.name,
      stage,
      link: registrationLinkOf(crmSettings.registrationLinkTemplate, card?.contact?.clickId),
    };
  }
}
