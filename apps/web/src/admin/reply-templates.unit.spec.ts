import {
  BUILT_IN_TEMPLATE_VARIABLES as CONTRACT_BUILT_IN,
  SHORTCODE_PATTERN as CONTRACT_SHORTCODE_PATTERN,
  TEMPLATE_NAME_MAX as CONTRACT_NAME_MAX,
  TEMPLATE_CAPTION_MAX as CONTRACT_CAPTION_MAX,
  TEMPLATE_TEXT_MAX as CONTRACT_TEXT_MAX,
  type TemplateLibraryView,
  unknownVariablesIn as contractUnknownVariablesIn,
  VARIABLE_NAME_PATTERN as CONTRACT_VARIABLE_NAME_PATTERN,
  VARIABLE_VALUE_MAX as CONTRACT_VALUE_MAX,
  variablesIn as contractVariablesIn,
} from '@parley/contracts';
import { translatorFor } from '../i18n/translate';
import {
  BUILT_IN_TEMPLATE_VARIABLES,
  draftOf,
  insertVariable,
  normalizedShortcode,
  SHORTCODE_PATTERN,
  TEMPLATE_CAPTION_MAX,
  TEMPLATE_NAME_MAX,
  TEMPLATE_TEXT_MAX,
  templateDraftProblems,
  templateFileKind,
  templateFileOf,
  templateRequest,
  unknownVariablesIn,
  usableVariables,
  VARIABLE_NAME_PATTERN,
  VARIABLE_VALUE_MAX,
  variableNameProblem,
  variablesIn,
  variableValueRequest,
  workspaceVariables,
} from './reply-templates';
import { templateFieldHint, variableNameHint } from './template-hints';

const library: TemplateLibraryView = {
  templates: [
    {
      templateId: 't1',
      name: 'Greeting',
      shortcode: 'hello',
      text: 'Hi, {user_name}!',
      attachment: null,
    },
    {
      templateId: 't2',
      name: 'Offer',
      shortcode: 'offer',
      text: 'Today: {offer}',
      attachment: null,
    },
  ],
  variables: { offer: '20% off', city: 'Riga' },
};

describe('the mirrored template rules', () => {
  it('are the contracts’ own', () => {
    expect(BUILT_IN_TEMPLATE_VARIABLES).toEqual(CONTRACT_BUILT_IN);
    for (const [mine, theirs] of [
      [VARIABLE_NAME_PATTERN, CONTRACT_VARIABLE_NAME_PATTERN],
      [SHORTCODE_PATTERN, CONTRACT_SHORTCODE_PATTERN],
    ] as const) {
      expect(mine.source).toBe(theirs.source);
      expect(mine.flags).toBe(theirs.flags);
    }
    expect(TEMPLATE_NAME_MAX).toBe(CONTRACT_NAME_MAX);
    expect(TEMPLATE_TEXT_MAX).toBe(CONTRACT_TEXT_MAX);
    expect(TEMPLATE_CAPTION_MAX).toBe(CONTRACT_CAPTION_MAX);
    expect(VARIABLE_VALUE_MAX).toBe(CONTRACT_VALUE_MAX);
  });

  it.each([
    '',
    'Hello, {user_name}! {offer} {offer} {Offer} {9x} {a-b} {{stage}} {link}',
    '{unknown_thing} and {manager_name}, {city}',
    `{${'x'.repeat(32)}} {${'y'.repeat(33)}}`,
  ])('find the variables of %j as the contracts do', (text) => {
    expect(variablesIn(text)).toEqual(contractVariablesIn(text));
    expect(unknownVariablesIn(text, ['offer'])).toEqual(
      contractUnknownVariablesIn(text, ['offer']),
    );
  });
});

describe('the variables a template can use', () => {
  it('given a library, then the built-in ones first, then the workspace’s by name', () => {
    expect(usableVariables(library)).toEqual([...BUILT_IN_TEMPLATE_VARIABLES, 'city', 'offer']);
    expect(usableVariables(undefined)).toEqual([...BUILT_IN_TEMPLATE_VARIABLES]);
  });

  it('given the workspace’s variables, then by name, without built-in ones', () => {
    expect(
      workspaceVariables({ templates: [], variables: { offer: '', stage: 'x', city: 'Riga' } }),
    ).toEqual([
      { name: 'city', value: 'Riga' },
      { name: 'offer', value: '' },
    ]);
  });
});

describe('a template draft', () => {
  const fine = {
    name: ' Prices ',
    shortcode: '/Price',
    text: 'Hi {user_name}, {city}',
    attachment: null,
  };

  it('given what the gateway accepts, then no problem, and the request trimmed and lower case', () => {
    expect(templateDraftProblems(fine, library, null)).toEqual([]);
    expect(templateRequest(fine)).toEqual({
      name: 'Prices',
      shortcode: 'price',
      text: 'Hi {user_name}, {city}',
      attachmentId: null,
    });
    expect(normalizedShortcode('  //Hello ')).toBe('hello');
  });

  it('given empty fields, then each is blank', () => {
    expect(
      templateDraftProblems(
        { name: ' ', shortcode: '', text: ' \n', attachment: null },
        library,
        null,
      ),
    ).toEqual([
      { field: 'name', problem: 'blank' },
      { field: 'shortcode', problem: 'blank' },
      { field: 'text', problem: 'blank' },
    ]);
  });

  it('given a shortcode another template has, then taken; its own template keeps it', () => {
    const draft = { ...fine, shortcode: 'HELLO' };
    expect(templateDraftProblems(draft, library, null)).toEqual([
      { field: 'shortcode', problem: 'taken' },
    ]);
    expect(templateDraftProblems(draft, library, 't1')).toEqual([]);
  });

  it('given a bad shortcode, a long name or text, unknown variables, then each named', () => {
    expect(
      templateDraftProblems(
        {
          name: 'x'.repeat(TEMPLATE_NAME_MAX + 1),
          shortcode: 'no spaces',
          text: '{prize} {city} {x}',
          attachment: null,
        },
        library,
        null,
      ),
    ).toEqual([
      { field: 'name', problem: 'too-long' },
      { field: 'shortcode', problem: 'invalid' },
      { field: 'text', problem: 'unknown-variables', names: ['prize', 'x'] },
    ]);
    expect(
      templateDraftProblems({ ...fine, text: 'x'.repeat(TEMPLATE_TEXT_MAX + 1) }, library, null),
    ).toEqual([{ field: 'text', problem: 'too-long' }]);
  });

  it('given problems, then what the form says under each field; blank says nothing', () => {
    const en = translatorFor('en');
    const problems = templateDraftProblems(
      { name: '', shortcode: '-x', text: 'Hi {prize}', attachment: null },
      library,
      null,
    );
    expect(templateFieldHint(problems, 'name', en)).toBeNull();
    expect(templateFieldHint(problems, 'shortcode', en)).toMatch(/^Lower-case/);
    expect(templateFieldHint(problems, 'text', en)).toBe(
      'Unknown variables: {prize}. Add them under Variables below, or fix the spelling.',
    );
    expect(
      templateFieldHint(
        [{ field: 'shortcode', problem: 'taken' }],
        'shortcode',
        translatorFor('ru'),
      ),
    ).toBe('Этот короткий код уже занят другим шаблоном.');
  });
});

describe('a template draft with a file (issue 13)', () => {
  const pdf = {
    mediaId: 'f-prices',
    kind: 'document',
    fileName: 'prices.pdf',
    contentType: 'application/pdf',
    size: 2048,
  } as const;
  const draft = { name: 'Prices', shortcode: 'prices', text: 'Our prices', attachment: pdf };

  it('given a file, then the request names it by its media id; the template’s file comes back in the form', () => {
    expect(templateRequest(draft)).toEqual({
      name: 'Prices',
      shortcode: 'prices',
      text: 'Our prices',
      attachmentId: 'f-prices',
    });
    expect(
      draftOf({ templateId: 't9', name: 'Prices', shortcode: 'prices', text: 'x', attachment: pdf })
        .attachment,
    ).toBe(pdf);
  });

  it('given a chosen file, then uploaded as a chat’s file is, an OGG or WebM recording as voice; kept without a voice’s length', () => {
    expect(templateFileKind({ type: 'image/png', size: 10 })).toBe('photo');
    expect(templateFileKind({ type: 'video/mp4', size: 10 })).toBe('video');
    expect(templateFileKind({ type: 'application/pdf', size: 10 })).toBe('document');
    expect(templateFileKind({ type: 'audio/ogg; codecs=opus', size: 10 })).toBe('voice');
    expect(templateFileKind({ type: 'audio/mpeg', size: 10 })).toBe('document');
    expect(templateFileOf({ ...pdf, durationSeconds: null })).toEqual(pdf);
  });

  it('given a text longer than a caption, then too long with the file and fine without', () => {
    const text = 'x'.repeat(TEMPLATE_CAPTION_MAX + 1);
    const problems = templateDraftProblems({ ...draft, text }, library, null);
    expect(problems).toEqual([{ field: 'text', problem: 'too-long-caption' }]);
    expect(templateFieldHint(problems, 'text', translatorFor('en'))).toBe(
      'With a file, the text is its caption: at most 1024 characters (Telegram).',
    );
    expect(templateDraftProblems({ ...draft, text, attachment: null }, library, null)).toEqual([]);
  });
});

describe('a variable', () => {
  it('given a name, then whether the gateway takes it (VARIABLE_NAME_PATTERN, not built in)', () => {
    expect(variableNameProblem('')).toBeNull();
    expect(variableNameProblem('offer')).toBeNull();
    expect(variableNameProblem(' promo_2 ')).toBeNull();
    expect(variableNameProblem('Offer')).toBe('invalid');
    expect(variableNameProblem('2x')).toBe('invalid');
    expect(variableNameProblem('a-b')).toBe('invalid');
    expect(variableNameProblem('x'.repeat(33))).toBe('invalid');
    expect(variableNameProblem('user_name')).toBe('built-in');
    expect(variableNameHint('built-in', translatorFor('en'))).toMatch(/built-in/);
    expect(variableNameHint(null, translatorFor('en'))).toBeNull();
  });

  it('given a blank value, then it is sent empty; any other as typed', () => {
    expect(variableValueRequest('   ')).toBe('');
    expect(variableValueRequest(' 20% off ')).toBe(' 20% off ');
  });

  it('given a click on a variable, then `{name}` replaces the selection, the caret after it', () => {
    expect(insertVariable('Hi !', 'user_name', 3, 3)).toEqual({
      text: 'Hi {user_name}!',
      caret: 14,
    });
    expect(insertVariable('Hi XX', 'stage', 3, 5)).toEqual({ text: 'Hi {stage}', caret: 10 });
    expect(insertVariable('Hi', 'link', 99, 99)).toEqual({ text: 'Hi{link}', caret: 8 });
  });
});
