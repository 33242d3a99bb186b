import { useReducer, useState, type FormEvent } from 'react';
import type { AdminApi } from '../api/admin-api';
import { useResource } from '../api/use-resource';
import { useI18n } from '../i18n/I18nProvider';
import { AdminError } from './AdminError';
import { AdminPanel } from './AdminPanel';
import { nameHint } from './name-hint';
import { isTagColour, NEW_TAG_COLOUR, TAG_NAME_MAX, tagNameProblem } from './tag-catalogue';
import { TagRow } from './TagRow';
import { useAdminAction } from './use-admin-action';

/** The tag catalogue (A4): create with a colour, recolour, delete; whether managers create tags. */
export function TagsAdmin(props: { api: AdminApi }) {
  const { api } = props;
  const { t } = useI18n();
  const [tick, reload] = useReducer((n: number) => n + 1, 0);
  const catalogue = useResource(() => api.tagCatalogue(), 'tag-catalogue', tick);
  const [name, setName] = useState('');
  const [colour, setColour] = useState(NEW_TAG_COLOUR);

  const create = useAdminAction(
    (tagName: string, tagColour: string) => api.createTag(tagName, tagColour).then(() => true),
    reload,
  );
  // One change at a time on the catalogue: recolour, delete, the setting.
  const change = useAdminAction(
    (request: () => Promise<unknown>) => request().then(() => true),
    reload,
  );

  const problem = tagNameProblem(catalogue.data, name);
  const onCreate = async (event: FormEvent) => {
    event.preventDefault();
    if (problem !== null || !isTagColour(colour)) return;
    if (await create.run(name.trim(), colour.toLowerCase())) setName('');
  };

  const data = catalogue.data;
  return (
    <AdminPanel
      testId="admin-tags"
      title={t('admin.section.tags')}
      intro={t('admin.tags.intro')}
      loaded={data !== undefined}
      loadError={catalogue.error}
      onRetry={reload}
    >
      <label className="admin-check">
        <input
          type="checkbox"
          data-testid="admin-managers-create-tags"
          checked={data?.managersCreateTags ?? false}
          disabled={change.running}
          onChange={(event) => {
            const allowed = event.target.checked;
            void change.run(() => api.setManagersCreateTags(allowed));
          }}
        />
        <span>{t('admin.tags.managersCreate')}</span>
      </label>

      {data && data.tags.length === 0 ? (
        <p className="muted">{t('admin.tags.empty')}</p>
      ) : (
        <ul className="admin-list" data-testid="admin-tag-list">
          {data?.tags.map((tag) => (
            <TagRow
              key={tag.name}
              tag={tag}
              busy={change.running}
              onChangeColour={(next) => void change.run(() => api.changeTagColour(tag.name, next))}
              onDelete={() => void change.run(() => api.deleteTag(tag.name))}
            />
          ))}
        </ul>
      )}
      <AdminError error={change.error} testId="admin-tag-error" />

      <form className="admin-form" onSubmit={(event) => void onCreate(event)}>
        <label className="admin-field">
          <span>{t('admin.tags.newTag')}</span>
          <input
            className="admin-input"
            data-testid="admin-tag-new-name"
            placeholder={t('admin.tags.newTagPlaceholder')}
            value={name}
            maxLength={TAG_NAME_MAX + 20}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <label className="admin-field admin-field--narrow">
          <span>{t('admin.tags.colour')}</span>
          <input
            type="color"
            className="admin-colour"
            data-testid="admin-tag-new-colour"
            value={colour}
            onChange={(event) => setColour(event.target.value)}
          />
        </label>
        <button
          type="submit"
          className="button button--primary button--small"
          data-testid="admin-tag-create"
          disabled={create.running || problem !== null}
        >
          {create.running ? t('admin.saving') : t('admin.create')}
        </button>
        <span className="admin-hint">
          {nameHint(problem, name, t, 'admin.tags.nameTaken', TAG_NAME_MAX)}
        </span>
      </form>
      <AdminError error={create.error} testId="admin-tag-create-error" />
    </AdminPanel>
  );
}
