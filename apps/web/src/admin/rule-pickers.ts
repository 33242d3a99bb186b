import type { PipelineStage, ReplyTemplate, WorkspaceUserView } from '@parley/contracts';
import type { RuleNames } from './robot-summary';

/** What the rule form offers to pick from, as loaded so far (empty until then). */
export interface RulePickers {
  /** Every stage, retired ones included: a rule may still name one. */
  readonly stages: readonly PipelineStage[];
  readonly tags: readonly string[];
  readonly users: readonly WorkspaceUserView[];
  readonly templates: readonly ReplyTemplate[];
  readonly names: RuleNames;
}

/** The id of the rule form's datalist of the catalogue's tags, for its tag fields. */
export const RULE_TAG_LIST_ID = 'robot-rule-tags';

export interface PickerOption {
  readonly value: string;
  readonly label: string;
}

/**
 * The options of a picker: the live choices, then whatever is chosen that is not among them (a
 * retired stage, a deleted template, a user since removed) so that editing a rule keeps it.
 */
export const pickerOptions = (
  live: readonly PickerOption[],
  chosen: readonly string[],
  label: (value: string) => string,
): PickerOption[] => {
  const values = new Set(live.map((option) => option.value));
  return [
    ...live,
    ...[...new Set(chosen)]
      .filter((value) => value !== '' && !values.has(value))
      .map((value) => ({ value, label: label(value) })),
  ];
};

export const stageOptions = (pickers: RulePickers, chosen: readonly string[]): PickerOption[] =>
  pickerOptions(
    pickers.stages
      .filter((stage) => !stage.retired)
      .map((stage) => ({ value: stage.stageId, label: stage.name })),
    chosen,
    pickers.names.stage,
  );

export const userOptions = (pickers: RulePickers, chosen: readonly string[]): PickerOption[] =>
  pickerOptions(
    pickers.users.map((user) => ({ value: user.id, label: user.name })),
    chosen,
    pickers.names.user,
  );

export const templateOptions = (pickers: RulePickers, chosen: readonly string[]): PickerOption[] =>
  pickerOptions(
    pickers.templates.map((template) => ({
      value: template.templateId,
      label: `${template.name} (/${template.shortcode})`,
    })),
    chosen,
    pickers.names.template,
  );

/** The values chosen in a `<select multiple>`. */
export const selectedValues = (select: HTMLSelectElement): string[] =>
  [...select.selectedOptions].map((option) => option.value);
