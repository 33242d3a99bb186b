import { deciderSpecification } from '@parley/decider';
import {
  translationSettingsDecider,
  type TranslationSettingsCommand,
  type TranslationSettingsDecidedEvent,
} from './translation-settings-decider';

const spec = deciderSpecification(translationSettingsDecider);
const admin = { actorRole: 'admin', actorId: 'u-admin' } as const;
const change: TranslationSettingsCommand = {
  kind: 'ChangeSettings',
  ...admin,
  provider: 'libretranslate',
  teamLanguage: 'ru',
};
const changed: TranslationSettingsDecidedEvent = {
  type: 'Translation.SettingsChanged',
  data: { provider: 'libretranslate', teamLanguage: 'ru', changedBy: 'u-admin' },
};
const setAssistant: TranslationSettingsCommand = {
  kind: 'SetAssistant',
  ...admin,
  sealed: 'v1.abcd1234.sealed',
  model: 'gpt-4o-mini',
};
const configured: TranslationSettingsDecidedEvent = {
  type: 'Translation.AssistantConfigured',
  data: { sealed: 'v1.abcd1234.sealed', model: 'gpt-4o-mini', configuredBy: 'u-admin' },
};

describe('a workspace’s translation settings (C2, B5)', () => {
  it('given none, when an admin chooses a provider and a language, then the settings change once', () => {
    spec.given([]).when(change).then([changed]);
    spec.given([changed]).when(change).thenNothingHappened();
  });

  it('given none, when an admin chooses no provider and the default language, then nothing changed', () => {
    spec
      .given([])
      .when({ ...change, provider: null, teamLanguage: 'en' } as TranslationSettingsCommand)
      .thenNothingHappened();
  });

  it('given a manager, when they change the settings or the assistant, then only an admin can', () => {
    spec
      .given([])
      .when({ ...change, actorRole: 'manager' } as TranslationSettingsCommand)
      .thenThrows('role.admin_only', 'Only an admin can change the translation settings.');
    spec
      .given([])
      .when({ ...setAssistant, actorRole: 'manager' } as TranslationSettingsCommand)
      .thenRejects('role.admin_only');
  });

  it('given an assistant, when the same sealed settings come back, then nothing; new ones are recorded', () => {
    spec.given([]).when(setAssistant).then([configured]);
    spec.given([configured]).when(setAssistant).thenNothingHappened();
    spec
      .given([configured])
      .when({ ...setAssistant, sealed: 'v1.abcd1234.other' } as TranslationSettingsCommand)
      .then([{ ...configured, data: { ...configured.data, sealed: 'v1.abcd1234.other' } }]);
  });

  it('given an assistant, when it is removed, then removed once; removing none changes nothing', () => {
    const remove: TranslationSettingsCommand = {
      kind: 'SetAssistant',
      ...admin,
      sealed: null,
      model: null,
    };
    const removed: TranslationSettingsDecidedEvent = {
      type: 'Translation.AssistantConfigured',
      data: { sealed: null, model: null, configuredBy: 'u-admin' },
    };
    spec.given([configured]).when(remove).then([removed]);
    spec.given([configured, removed]).when(remove).thenNothingHappened();
    spec.given([]).when(remove).thenNothingHappened();
  });
});
