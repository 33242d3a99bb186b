/**
 * Whether `text` has `keyword` as a whole word or phrase, whatever the case ("Price?" has
 * "price"; "priceless" does not). Letters and digits of any script count as word characters, so
 * "цена" is found in "Какая цена?". The keyword is matched literally, never as a pattern.
 */
export const hasKeyword = (text: string, keyword: string): boolean => {
  const needle = keyword.trim().toLocaleLowerCase();
  if (needle === '') return false;
  const haystack = text.toLocaleLowerCase();
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack.slice(0, at);
    const after = haystack.slice(at + needle.length);
    if (!endsWithWordCharacter(before) && !startsWithWordCharacter(after)) return true;
  }
  return false;
};

const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

const endsWithWordCharacter = (text: string): boolean =>
  text.length > 0 && WORD_CHARACTER.test([...text].at(-1)!);

const startsWithWordCharacter = (text: string): boolean =>
  text.length > 0 && WORD_CHARACTER.test([...text][0]!);
