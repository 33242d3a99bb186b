import { useReducer } from 'react';
import type { AdminApi } from '../api/admin-api';
import { useResource } from '../api/use-resource';
import { useI18n } from '../i18n/I18nProvider';
import { languageName } from '../translation/language-names';
import { DEFAULT_TEAM_LANGUAGE_SHOWN } from '../translation/translation-constants';
import { AdminPanel } from './AdminPanel';
import { AssistantAdminForm } from './AssistantAdminForm';
import { TranslationProviderForm } from './TranslationProviderForm';

/**
 * Admin → Translation (issue 12): the provider (none, Google, LibreTranslate) and the team's
 * language (C2, B4), and the AI assistant that drafts replies and summaries (B5, B7).
 */
export function TranslationAdmin(props: { api: AdminApi }) {
  const { api } = props;
  const { t, language } = useI18n();
  const [tick, reload] = useReducer((n: number) => n + 1, 0);
  const settings = useResource(() => api.translationSettings(), 'translation-settings', tick);
  const view = settings.data;
  return (
    <AdminPanel
      testId="admin-translation"
      title={t('admin.section.translation')}
      intro={t('admin.translation.intro')}
      loaded={view !== undefined}
      loadError={settings.error}
      onRetry={reload}
    >
      {view && (
        <>
          <p data-testid="admin-translation-current" data-provider={view.provider ?? 'none'}>
            {t('admin.translation.current', {
              provider: t(`admin.translation.provider.${view.provider ?? 'none'}`),
              language: languageName(view.teamLanguage || DEFAULT_TEAM_LANGUAGE_SHOWN, language),
            })}
          </p>
          <TranslationProviderForm api={api} settings={view} onSaved={reload} />
          <AssistantAdminForm api={api} assistant={view.assistant} onSaved={reload} />
        </>
      )}
    </AdminPanel>
  );
}
