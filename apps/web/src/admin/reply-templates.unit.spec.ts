import {
  BUILT_IN_TEMPLATE_VARIABLES as CONTRACT_BUILT_IN,
  SHORTCODE_PATTERN as CONTRACT_SHORTCODE_PATTERN,
  TEMPLATE_NAME_MAX as CONTRACT_NAME_MAX,
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
  insertVariable,
  normalizedShortcode,
  SHORTCODE_PATTERN,
  TEMPLATE_NAME_MAX,
  TEMPLATE_TEXT_MAX,
  templateDraftProblems,
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
    { templateId: 't1', name: 'Greeting', shortcode: 'hello', text: 'Hi, {user_name}!' },
    { templateId: 't2', name: 'Offer', shortcode: 'offer', text: 'Today: {offer}' },
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
  const fine = { name: ' Prices ', shortcode: '/Price', text: 'Hi {user_name}, {city}' };

  it('given what the gateway accepts, then no problem, and the request trimmed and lower case', () => {
    expect(templateDraftProblems(fine, library, null)).toEqual([]);
    expect(templateRequest(fine)).toEqual({
      name: 'Prices',
      shortcode: 'price',
      text: 'Hi {user_name}, {city}',
    });
    expect(normalizedShortcode('  //Hello ')).toBe('hello');
  });

  it('given empty fields, then each is blank', () => {
    expect(templateDraftProblems({ name: ' ', shortcode: '', text: ' \n' }, library, null)).toEqual(
      [
        { field: 'name', problem: 'blank' },
        { field: 'shortcode', problem: 'blank' },
        { field: 'text', problem: 'blank' },
      ],
    );
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
      { name: '', shortcode: '-x', text: 'Hi {prize}' },
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
