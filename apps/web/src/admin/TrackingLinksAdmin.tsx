import { useReducer, useState } from 'react';
import type { AdminApi } from '../api/admin-api';
import { useResource } from '../api/use-resource';
import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/I18nProvider';
import { AdminError } from './AdminError';
import { AdminPanel } from './AdminPanel';
import { CopyButton } from './CopyButton';
import { TrackingLinkForm } from './TrackingLinkForm';
import { deepLinkText, trackingLinkRequest } from './tracking-links';
import { useAdminAction } from './use-admin-action';

/** Tracking links (R2): create, list with the clients each brought, copy the deep link. */
export function TrackingLinksAdmin(props: { api: AdminApi }) {
  const { api } = props;
  const { t, language } = useI18n();
  const [tick, reload] = useReducer((n: number) => n + 1, 0);
  const links = useResource(() => api.trackingLinks(), 'tracking-links', tick);
  const create = useAdminAction(api.createTrackingLink, reload);
  const [createdKey, setCreatedKey] = useState<string | null>(null);
  const none = t('admin.links.none');

  return (
    <AdminPanel
      testId="admin-tracking-links"
      title={t('admin.section.tracking-links')}
      intro={t('admin.links.intro')}
      loaded={links.data !== undefined}
      loadError={links.error}
      onRetry={reload}
    >
      <h3 className="admin-subtitle">{t('admin.links.new')}</h3>
      <TrackingLinkForm
        running={create.running}
        onCreate={async (form) => {
          setCreatedKey(null);
          const created = await create.run(trackingLinkRequest(form));
          if (created) setCreatedKey(created.key);
          return created !== undefined;
        }}
      />
      <AdminError error={create.error} testId="admin-link-error" />
      {createdKey !== null && (
        <p className="admin-note" role="status" data-testid="admin-link-created">
          {t('admin.links.created', { key: createdKey })}
        </p>
      )}

      {links.data?.items.length === 0 ? (
        <p className="muted">{t('admin.links.empty')}</p>
      ) : (
        <table className="admin-table" data-testid="admin-link-list">
          <thead>
            <tr>
              <th>{t('admin.links.source')}</th>
              <th>{t('admin.links.platform')}</th>
              <th>{t('admin.links.campaign')}</th>
              <th>{t('admin.links.adSet')}</th>
              <th>{t('admin.links.ad')}</th>
              <th>{t('admin.links.deepLink')}</th>
              <th className="admin-table__number">{t('admin.links.clients')}</th>
              <th>{t('admin.links.createdAt')}</th>
            </tr>
          </thead>
          <tbody>
            {links.data?.items.map((link) => (
              <tr key={link.key} data-testid="admin-link" data-key={link.key}>
                <td>{link.source}</td>
                <td>{link.platform ?? none}</td>
                <td>{link.campaign ?? none}</td>
                <td>{link.adSet ?? none}</td>
                <td>{link.ad ?? none}</td>
                <td>
                  <span className="admin-copyable">
                    <code data-testid="admin-link-deep-link">{deepLinkText(link)}</code>
                    <CopyButton text={deepLinkText(link)} testId="admin-link-copy" />
                  </span>
                </td>
                <td className="admin-table__number" data-testid="admin-link-clients">
                  {link.clients}
                </td>
                <td>{formatDateTime(link.createdAt, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminPanel>
  );
}
