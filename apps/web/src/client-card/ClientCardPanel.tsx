import type {
  AddNoteRequest,
  ClientCard,
  ConversationLanguagesRequest,
  CrmSettingsView,
  EditContactRequest,
  Pipeline,
  RecordSaleRequest,
  TagCatalogue,
  TranslationSettingsView,
  User,
  WorkspaceUserView,
} from '@parley/contracts';
import { describeError } from '../api/describe-error';
import { Avatar } from '../chat-list/Avatar';
import { useI18n } from '../i18n/I18nProvider';
import { CardFieldList } from './CardFieldList';
import { contactFields, dealFields } from './card-fields';
import { ContactFieldsForm } from './ContactFieldsForm';
import { LanguagesSection } from './LanguagesSection';
import { LineToggle } from './LineToggle';
import { NoteForm } from './NoteForm';
import { RegistrationLink } from './RegistrationLink';
import { ResponsibleManagerPicker } from './ResponsibleManagerPicker';
import { SalesSection } from './SalesSection';
import { StageSelect } from './StageSelect';
import { TagEditor } from './TagEditor';
import { TasksSection, type TaskEdits } from './TasksSection';
import './client-card.css';
import './card-forms.css';

/** What a manager changes on the card; each resolves when accepted, rejects with the reason. */
export interface CardEdits extends TaskEdits {
  readonly editContact: (edit: EditContactRequest) => Promise<void>;
  readonly recordSale: (request: RecordSaleRequest) => Promise<void>;
  readonly addNote: (request: AddNoteRequest) => Promise<void>;
  readonly addTag: (name: string) => Promise<void>;
  readonly removeTag: (name: string) => Promise<void>;
  readonly moveDealToStage: (stageId: string) => Promise<void>;
  readonly changeDealLine: (line: 1 | 2) => Promise<void>;
  readonly setResponsibleManager: (managerId: string | null) => Promise<void>;
  /** The chat's client and team languages (C2); null is automatic. */
  readonly setLanguages: (request: ConversationLanguagesRequest) => Promise<void>;
}

/**
 * The right column, editable (issue 10): the client's card (R1), their deal (R3), tasks (R4),
 * sales (R6), a note (R5), the registration link (R7) and the chat's languages (C2). Everything
 * shown comes from the card, which reloads on every live change of the conversation, so each
 * manager sees the others' edits.
 */
export function ClientCardPanel(props: {
  card: ClientCard | undefined;
  error: unknown;
  currentUser: User | null;
  catalogue: TagCatalogue | undefined;
  pipeline: Pipeline | undefined;
  /** The workspace's users (GET /api/users), for pickers; undefined until loaded. */
  users: readonly WorkspaceUserView[] | undefined;
  settings: CrmSettingsView | undefined;
  settingsError: unknown;
  /** The workspace's translation settings: the team's language "Automatic" stands for. */
  translationSettings: TranslationSettingsView | undefined;
  edits: CardEdits;
  onRetry: () => void;
}) {
  const { t, language } = useI18n();
  const { card } = props;
  const context = { t, language, currentUser: props.currentUser, users: props.users };
  return (
    <aside className="client-card" data-testid="client-card" aria-label={t('card.title')}>
      {props.error !== undefined && (
        <p className="panel-error" role="alert">
          {t('error.loadFailed', { message: describeError(props.error, t) })}{' '}
          <button type="button" className="link-button" onClick={props.onRetry}>
            {t('action.retry')}
          </button>
        </p>
      )}
      {card === undefined && props.error === undefined && (
        <p className="panel-note">{t('app.loading')}</p>
      )}
      {card !== undefined && (
        <>
          <section className="client-card__section">
            {card.contact ? (
              <>
                <header className="client-card__header">
                  <Avatar name={card.contact.name} seed={card._id} url={null} size={56} />
                  <h2 className="client-card__name">{card.contact.name}</h2>
                </header>
                <h3 className="panel-title">{t('card.title')}</h3>
                <ContactFieldsForm contact={card.contact} onSave={props.edits.editContact} />
                <CardFieldList
                  fields={contactFields(card.contact, context)}
                  editors={{
                    responsible: (
                      <ResponsibleManagerPicker
                        managerId={card.contact.responsibleManagerId}
                        currentUser={props.currentUser}
                        users={props.users}
                        onSet={props.edits.setResponsibleManager}
                      />
                    ),
                    tags: (
                      <TagEditor
                        conversationId={card._id}
                        contact={card.contact}
                        catalogue={props.catalogue}
                        onAdd={props.edits.addTag}
                        onRemove={props.edits.removeTag}
                      />
                    ),
                  }}
                />
              </>
            ) : (
              <p className="panel-note">{t('card.empty')}</p>
            )}
          </section>
          <section className="client-card__section" data-testid="client-card-deal">
            <h3 className="panel-title">{t('card.deal')}</h3>
            {card.deal ? (
              <CardFieldList
                fields={dealFields(card.deal, context)}
                editors={{
                  stage: (
                    <StageSelect
                      stageId={card.deal.stage}
                      pipeline={props.pipeline}
                      onMove={props.edits.moveDealToStage}
                    />
                  ),
                  line: <LineToggle line={card.deal.line} onChange={props.edits.changeDealLine} />,
                }}
              />
            ) : (
              <p className="panel-note">{t('card.noDeal')}</p>
            )}
          </section>
          <LanguagesSection
            languages={card.languages}
            settings={props.translationSettings}
            onSet={props.edits.setLanguages}
          />
          <TasksSection
            tasks={card.tasks}
            users={props.users}
            currentUser={props.currentUser}
            edits={props.edits}
          />
          {card.contact && (
            <SalesSection contact={card.contact} onRecord={props.edits.recordSale} />
          )}
          <NoteForm onAdd={props.edits.addNote} />
          {card.contact && (
            <RegistrationLink
              clickId={card.contact.clickId}
              settings={props.settings}
              settingsError={props.settingsError}
            />
          )}
        </>
      )}
    </aside>
  );
}
