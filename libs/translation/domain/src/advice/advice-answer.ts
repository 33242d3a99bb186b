/**
 * The reply draft from the model's answer to `advicePrompt`, ready for the reply bar: trimmed,
 * without the code fence or the quotes some models wrap it in. Undefined when nothing is left,
 * so the caller can say the model gave no draft instead of filling the bar with nothing.
 */
export const parseAdviceAnswer = (answer: string): string | undefined => {
  let draft = answer.trim();
  const fenced = /^```[a-zA-Z]*[ \t]*\n([\s\S]*?)\n?```$/.exec(draft);
  if (fenced) draft = fenced[1]!.trim();
  const quoted = /^(["“«])([\s\S]*)(["”»])$/.exec(draft);
  if (quoted && !/["“”«»]/.test(quoted[2]!)) draft = quoted[2]!.trim();
  return draft === '' ? undefined : draft;
};
