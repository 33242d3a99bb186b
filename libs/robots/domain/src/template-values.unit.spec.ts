import { clickIdOf, type CrmSettingsEvent, type EventMetadata } from '@parley/contracts';
import {
  defaultPipelineNames,
  pipelineNames,
  registrationLink,
  renderLibraryTemplate,
  templateCaption,
  templateMessageContent,
  templateValues,
} from './template-values';

const contactId = 'ws1:contact:tg:100';
const metadata: EventMetadata = {
  eventId: '6f1d0c8e-1b7a-4a8e-9c41-7a2f7f1f0a01',
  workspaceId: 'ws1',
  aggregateId: 'ws1:crm_settings',
  occurredAt: '2026-12-02T10:00:00.000Z',
  schemaVersion: 1,
  correlationId: 'c1',
  causationId: null,
  actor: { kind: 'manager', id: 'admin-1' },
};
const event = <E extends CrmSettingsEvent>(type: E['type'], data: E['data']) =>
  ({ type, data, metadata }) as E;

describe('what a robot’s template is rendered with', () => {
  it('given no settings events, then the default pipeline’s names and no registration link', () => {
    expect(pipelineNames([])).toEqual({
      stageNames: {
        new: 'New',
        in_progress: 'In progress',
        registered: 'Registered',
        deposited: 'Deposited',
        lost: 'Lost',
      },
      registrationLinkTemplate: null,
    });
  });

  it('given stages added and renamed and a link template set, then the names and template now', () => {
    const names = pipelineNames([
      event('Crm.StageAdded', { stageId: 'vip', name: 'VIP' }),
      event('Crm.StageRenamed', { stageId: 'new', from: 'New', to: 'Fresh' }),
      event('Crm.StageRetired', { stageId: 'lost' }),
      event('Crm.TagCreated', { name: 'x', colour: '#aabbcc' }),
      event('Crm.RegistrationLinkTemplateChanged', { template: 'https://a.io/r?c={click_id}' }),
    ]);
    expect(names.stageNames).toMatchObject({ vip: 'VIP', new: 'Fresh', lost: 'Lost' });
    expect(names.registrationLinkTemplate).toBe('https://a.io/r?c={click_id}');
  });

  it('given a link template, then the contact’s click id in place of {click_id}, URL-encoded; none, then empty', () => {
    expect(registrationLink('https://a.io/r?c={click_id}&again={click_id}', contactId)).toBe(
      `https://a.io/r?c=${encodeURIComponent(clickIdOf(contactId))}&again=${encodeURIComponent(clickIdOf(contactId))}`,
    );
    expect(registrationLink(null, contactId)).toBe('');
  });

  it('given the client, deal stage, settings and library, then built-in values over the workspace variables, no manager name', () => {
    const values = templateValues({
      contactId,
      client: { name: 'Anna K', responsibleManagerId: 'm1' },
      stageId: 'in_progress',
      pipeline: { ...defaultPipelineNames(), registrationLinkTemplate: 'https://a.io/{click_id}' },
      library: {
        templates: {},
        attachments: {},
        variables: { offer: '20% off', stage: 'shadowed' },
      },
    });
    expect(values).toEqual({
      offer: '20% off',
      user_name: 'Anna K',
      manager_name: '',
      stage: 'In progress',
      link: `https://a.io/${encodeURIComponent(clickIdOf(contactId))}`,
    });
  });

  it('given a stage the names lack or no deal, then the stage id or empty', () => {
    const input = {
      contactId,
      client: { name: '', responsibleManagerId: null },
      pipeline: defaultPipelineNames(),
      library: { templates: {}, attachments: {}, variables: {} },
    };
    expect(templateValues({ ...input, stageId: 'gone' }).stage).toBe('gone');
    expect(templateValues({ ...input, stageId: null }).stage).toBe('');
  });

  it('given a template of the library, then its text rendered; a variable without a value is empty; no such template, then null', () => {
    const library = {
      templates: { t1: 'Hi {user_name}, {offer}{unknown}!' },
      attachments: {},
      variables: {},
    };
    const values = { user_name: 'Anna', offer: 'our offer' };
    expect(renderLibraryTemplate(library, 't1', values)).toBe('Hi Anna, our offer!');
    expect(renderLibraryTemplate(library, 't2', values)).toBeNull();
    expect(renderLibraryTemplate(library, 'constructor', values)).toBeNull();
  });

  describe('a template with a file (issue 13)', () => {
    const photo = {
      mediaId: '00000000-0000-4000-8000-0000000000bb',
      kind: 'photo',
      fileName: 'offer.png',
      contentType: 'image/png',
      size: 4096,
    } as const;
    const library = {
      templates: { t1: 'Hi {user_name}', t2: '{user_name}', t3: 'Text only' },
      attachments: { t1: photo, t2: photo },
      variables: {},
    };

    it('given a template with a file, then the file with the rendered text as caption; none when it renders empty', () => {
      const { kind: _kind, ...attachment } = photo;
      expect(templateMessageContent(library, 't1', { user_name: 'Anna' })).toEqual({
        kind: 'photo',
        attachment,
        caption: 'Hi Anna',
      });
      expect(templateMessageContent(library, 't2', { user_name: '' })).toEqual({
        kind: 'photo',
        attachment,
        caption: null,
      });
    });

    it('given a text-only template, then text; no such template, then null', () => {
      expect(templateMessageContent(library, 't3', {})).toEqual({
        kind: 'text',
        text: 'Text only',
      });
      expect(templateMessageContent(library, 'gone', {})).toBeNull();
    });

    it('given a rendered text over a caption’s 1,024 characters, then it is cut with an ellipsis, never inside a character', () => {
      expect(templateCaption('x'.repeat(1024))).toBe('x'.repeat(1024));
      const cut = templateCaption('x'.repeat(2000))!;
      expect(cut).toHaveLength(1024);
      expect(cut.endsWith('x…')).toBe(true);
      const emoji = templateCaption(`${'x'.repeat(1022)}😀😀`)!;
      expect(emoji).toBe(`${'x'.repeat(1022)}…`);
    });
  });
});
