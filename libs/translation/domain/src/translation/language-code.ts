/**
 * An ISO 639-1 language code, lower case: `en`, `ru`, `pt`. One form from wire to screen, so the
 * client's detected language, the manager's language and a provider's answer compare with `===`.
 */
export type LanguageCode = string;

/**
 * Deprecated ISO 639-1 codes some sources still send (Google's v2 API answers `iw` for Hebrew;
 * old Android locales say `in` and `ji`), mapped to the current ones.
 */
const RENAMED: Readonly<Record<string, LanguageCode>> = {
  iw: 'he',
  in: 'id',
  ji: 'yi',
  jw: 'jv',
  mo: 'ro',
};

/**
 * The ISO 639-2/3 codes a detector or a provider may answer for a language that has an ISO 639-1
 * code too (tinyld and LibreTranslate use three letters for a few languages).
 */
const THREE_LETTER: Readonly<Record<string, LanguageCode>> = {
  eng: 'en',
  rus: 'ru',
  spa: 'es',
  por: 'pt',
  fra: 'fr',
  fre: 'fr',
  deu: 'de',
  ger: 'de',
  ita: 'it',
  ukr: 'uk',
  zho: 'zh',
  chi: 'zh',
  fil: 'tl',
  tgl: 'tl',
};

/**
 * One language tag, as Telegram (`language_code`, an IETF tag: `en`, `pt-br`, `zh-hans`), a
 * browser (`pt-BR`), a detector or a provider writes it, reduced to its ISO 639-1 code: the
 * primary subtag, lower case. Regional and script variants collapse (`pt-BR` → `pt`,
 * `zh-Hant` → `zh`): the product translates per language, not per region. Null for nothing
 * usable: empty, `und`, `auto`, a code with no ISO 639-1 form.
 */
export const normalizeLanguageCode = (tag: string | null | undefined): LanguageCode | null => {
  if (typeof tag !== 'string') return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (/^[a-z]{2}$/.test(primary)) return RENAMED[primary] ?? primary;
  if (/^[a-z]{3}$/.test(primary)) return THREE_LETTER[primary] ?? null;
  return null;
};
