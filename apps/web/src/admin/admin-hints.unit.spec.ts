import {
  AddStageRequest,
  CLICK_ID_PLACEHOLDER as CONTRACT_CLICK_ID_PLACEHOLDER,
  CONVERSION_KEY_LABEL_MAX as CONTRACT_LABEL_MAX,
  CreateTagRequest,
  REGISTRATION_LINK_TEMPLATE_MAX as CONTRACT_TEMPLATE_MAX,
  TRACKING_LINK_KEY_PATTERN as CONTRACT_KEY_PATTERN,
} from '@parley/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { translatorFor } from '../i18n/translate';
import { CONVERSION_KEY_LABEL_MAX } from './conversion-keys';
import { nameHint } from './name-hint';
import { STAGE_NAME_MAX } from './pipeline-stages';
import { CLICK_ID_PLACEHOLDER, REGISTRATION_LINK_TEMPLATE_MAX } from './registration-link';
import { TAG_NAME_MAX } from './tag-catalogue';
import { templateHint } from './template-hint';
import { TRACKING_LINK_KEY_PATTERN } from './tracking-links';

// The web app imports only types from the contracts (their runtime pulls in class-validator), so
// the admin screens keep their own copies of the limits: this spec keeps them equal.
describe('the admin screens’ limits', () => {
  it('given the contracts, then the screens check what the gateway checks', () => {
    expect(CONVERSION_KEY_LABEL_MAX).toBe(CONTRACT_LABEL_MAX);
    expect(REGISTRATION_LINK_TEMPLATE_MAX).toBe(CONTRACT_TEMPLATE_MAX);
    expect(CLICK_ID_PLACEHOLDER).toBe(CONTRACT_CLICK_ID_PLACEHOLDER);
    expect(TRACKING_LINK_KEY_PATTERN.source).toBe(CONTRACT_KEY_PATTERN.source);
    expect(TRACKING_LINK_KEY_PATTERN.flags).toBe(CONTRACT_KEY_PATTERN.flags);
  });

  it('given names at the screens’ limits, then the gateway’s requests accept them and no more', () => {
    const valid = <T extends object>(type: new () => T, body: object): boolean =>
      validateSync(plainToInstance(type, body)).length === 0;
    expect(valid(AddStageRequest, { name: 'x'.repeat(STAGE_NAME_MAX) })).toBe(true);
    expect(valid(AddStageRequest, { name: 'x'.repeat(STAGE_NAME_MAX + 1) })).toBe(false);
    const colour = '#aabbcc';
    expect(valid(CreateTagRequest, { name: 'x'.repeat(TAG_NAME_MAX), colour })).toBe(true);
    expect(valid(CreateTagRequest, { name: 'x'.repeat(TAG_NAME_MAX + 1), colour })).toBe(false);
  });
});

describe('hints under the admin forms', () => {
  const en = translatorFor('en');
  const ru = translatorFor('ru');

  it('given a name problem, then what to say; an empty field says nothing yet', () => {
    expect(nameHint(null, 'Won', en, 'admin.pipeline.nameTaken', 60)).toBeNull();
    expect(nameHint('blank', '', en, 'admin.pipeline.nameTaken', 60)).toBeNull();
    expect(nameHint('blank', '  ', en, 'admin.pipeline.nameTaken', 60)).toBe('Type a name.');
    expect(nameHint('too-long', 'x', en, 'admin.tags.nameTaken', 40)).toBe(
      'At most 40 characters.',
    );
    expect(nameHint('taken', 'vip', ru, 'admin.tags.nameTaken', 40)).toBe(
      'Такой тег уже есть в каталоге.',
    );
  });

  it('given a template problem, then what to say, {click_id} kept as written', () => {
    expect(templateHint(null, en)).toBeNull();
    expect(templateHint('no-click-id', en)).toBe('The template must contain {click_id}.');
    expect(templateHint('no-click-id', ru)).toBe('Шаблон должен содержать {click_id}.');
    expect(templateHint('too-long', en)).toBe('At most 500 characters.');
    expect(templateHint('not-url', en)).toMatch(/https:\/\//);
  });
});
