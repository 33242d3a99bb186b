import { deciderSpecification, foldEvents } from '@parley/decider';
import type { CrmSettingsDecidedEvent } from '../crm-decided-events';
import { crmSettingsDecider, liveConversionKey } from './crm-settings-decider';

const admin = 'admin' as const;
const manager = 'manager' as const;

const vipCreated: CrmSettingsDecidedEvent = {
  type: 'Crm.TagCreated',
  data: { name: 'VIP', colour: '#ff0000' },
};
const linkFields = {
  key: 'summer24fb',
  source: 'facebook',
  platform: 'instagram',
  campaign: 'summer-24',
  ad: null,
  adSet: null,
};
const linkCreated: CrmSettingsDecidedEvent = {
  type: 'Crm.TrackingLinkCreated',
  data: { ...linkFields, createdAt: '2026-01-01T00:00:00.000Z' },
};
const keyCreated: CrmSettingsDecidedEvent = {
  type: 'Crm.ConversionKeyCreated',
  data: { keyId: 'key1', label: 'Broker', createdAt: '2026-01-01T00:00:00.000Z' },
};
const keyRevoked: CrmSettingsDecidedEvent = {
  type: 'Crm.ConversionKeyRevoked',
  data: { keyId: 'key1', revokedAt: '2026-01-02T00:00:00.000Z' },
};

describe('CRM settings decider: tag deletion, registration link, tracking links, conversion keys', () => {
  const spec = deciderSpecification(crmSettingsDecider);

  describe('deleting a tag', () => {
    it('given the tag, when an admin deletes it in another case, then TagDeleted with its name', () => {
      spec
        .given([vipCreated])
        .when({ kind: 'DeleteTag', name: 'vip', actorRole: admin })
        .then([{ type: 'Crm.TagDeleted', data: { name: 'VIP' } }]);
    });

    it('given no such tag, when an admin deletes it, then nothing happens', () => {
      spec.given([]).when({ kind: 'DeleteTag', name: 'VIP', actorRole: admin }).then([]);
    });

    it('given a manager, when they delete a tag, then rejected as admin only', () => {
      spec
        .given([vipCreated])
        .when({ kind: 'DeleteTag', name: 'VIP', actorRole: manager })
        .thenRejects('role.admin_only');
    });
  });

  describe('registration link template (R7)', () => {
    const template = 'https://broker.example/join?cid={click_id}';

    it('given none, when an admin sets one, then it changes; setting it again changes nothing', () => {
      const changed: CrmSettingsDecidedEvent = {
        type: 'Crm.RegistrationLinkTemplateChanged',
        data: { template },
      };
      spec
        .given([])
        .when({ kind: 'SetRegistrationLinkTemplate', template, actorRole: admin })
        .then([changed]);
      spec
        .given([changed])
        .when({ kind: 'SetRegistrationLinkTemplate', template, actorRole: admin })
        .then([]);
    });

    it('given a manager, when they set it, then rejected as admin only', () => {
      spec
        .given([])
        .when({ kind: 'SetRegistrationLinkTemplate', template, actorRole: manager })
        .thenRejects('role.admin_only');
    });
  });

  describe('tracking links (R2)', () => {
    const create = {
      kind: 'CreateTrackingLink',
      ...linkFields,
      createdAt: '2026-01-01T00:00:00.000Z',
      actorRole: admin,
    } as const;

    it('given none, when an admin creates one, then TrackingLinkCreated', () => {
      spec.given([]).when(create).then([linkCreated]);
    });

    it('given the same link, when it is created again (a retry), then nothing happens', () => {
      spec
        .given([linkCreated])
        .when({ ...create, createdAt: '2026-02-01T00:00:00.000Z' })
        .then([]);
    });

    it('given the key is taken by another link, when a link reuses it, then rejected', () => {
      spec
        .given([linkCreated])
        .when({ ...create, source: 'google' })
        .thenThrows(
          'tracking_link.key_taken',
          'A tracking link with the key "summer24fb" already exists: keys stay with their link.',
        );
    });

    it('given a manager, when they create one, then rejected as admin only', () => {
      spec
        .given([])
        .when({ ...create, actorRole: manager })
        .thenRejects('role.admin_only');
    });
  });

  describe('conversion keys (A3)', () => {
    const create = {
      kind: 'CreateConversionKey',
      keyId: 'key1',
      label: 'Broker',
      createdAt: '2026-01-01T00:00:00.000Z',
      actorRole: admin,
    } as const;
    const revoke = {
      kind: 'RevokeConversionKey',
      keyId: 'key1',
      revokedAt: '2026-01-02T00:00:00.000Z',
      actorRole: admin,
    } as const;

    it('given none, when an admin creates one, then it is live', () => {
      spec.given([]).when(create).then([keyCreated]);
      const state = foldEvents(crmSettingsDecider, [keyCreated]);
      expect(liveConversionKey(state, 'key1')?.label).toBe('Broker');
    });

    it('given a live key, when an admin revokes it, then it no longer signs', () => {
      spec.given([keyCreated]).when(revoke).then([keyRevoked]);
      const state = foldEvents(crmSettingsDecider, [keyCreated, keyRevoked]);
      expect(liveConversionKey(state, 'key1')).toBeUndefined();
    });

    it('given a revoked key, when it is revoked again, then nothing happens', () => {
      spec.given([keyCreated, keyRevoked]).when(revoke).then([]);
    });

    it('given no such key, when it is revoked, then rejected', () => {
      spec.given([]).when(revoke).thenRejects('conversion_key.unknown');
    });

    it('given a manager, when they create or revoke a key, then rejected as admin only', () => {
      spec
        .given([])
        .when({ ...create, actorRole: manager })
        .thenRejects('role.admin_only');
      spec
        .given([keyCreated])
        .when({ ...revoke, actorRole: manager })
        .thenRejects('role.admin_only');
    });
  });
});
