import type { ClientCard, User } from '@parley/contracts';
import { describeError } from '../api/describe-error';
import { Avatar } from '../chat-list/Avatar';
import { useI18n } from '../i18n/I18nProvider';
import { CardFieldList } from './CardFieldList';
import { contactFields, dealFields } from './card-fields';
import './client-card.css';

/** The right column: the client's card (R1) and their deal (R3). */
export function ClientCardPanel(props: {
  card: ClientCard | undefined;
  error: unknown;
  currentUser: User | null;
  onRetry: () => void;
}) {
  const { t, language } = useI18n();
  const { card } = props;
  const context = { t, language, currentUser: props.currentUser };
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
                <CardFieldList fields={contactFields(card.contact, context)} />
              </>
            ) : (
              <p className="panel-note">{t('card.empty')}</p>
            )}
          </section>
          <section className="client-card__section" data-testid="client-card-deal">
            <h3 className="panel-title">{t('card.deal')}</h3>
            {card.deal ? (
              <CardFieldList fields={dealFields(card.deal, context)} />
            ) : (
              <p className="panel-note">{t('card.noDeal')}</p>
            )}
          </section>
        </>
      )}
    </aside>
  );
}
