// The one typed i18n helper: keys come from public/_locales/en/messages.json at compile time, so a
// missing or misspelt key fails `tsc`; plural forms are `<key>_one`, `<key>_other`… picked with
// Intl.PluralRules for the UI language (browser.i18n has no plurals).
type Messages = typeof import('../../public/_locales/en/messages.json');

/** Every message key of the extension. */
export type MessageKey = Extract<keyof Messages, string>;

/** Keys that come in plural forms, named without their `_one` / `_other` suffix. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;

/** A message key whose text takes no plural form. */
export type PlainKey = Exclude<MessageKey, `${PluralKey}_${string}`>;

/** Looks up a user-facing string; plural keys take the count that picks the form. */
export interface Translate {
  (key: PlainKey, substitutions?: Array<string | number>): string;
  (key: PluralKey, substitutions: Array<string | number>, count: number): string;
}

/** What the browser (or a test table) offers: `browser.i18n.getMessage` and the UI language. */
export interface MessageSource {
  getMessage(key: string, substitutions?: string[]): string;
  getUILanguage(): string;
}

const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

/** Build the typed `t()` over a message source; a missing message shows its key, never nothing. */
export function createTranslate(source: MessageSource): Translate {
  const rules = new Intl.PluralRules(source.getUILanguage().replace('_', '-'));
  const lookup = (key: string, substitutions?: Array<string | number>): string =>
    source.getMessage(key, substitutions?.map(String)) || '';
  return ((key: string, substitutions?: Array<string | number>, count?: number) => {
    if (count === undefined) return lookup(key, substitutions) || key;
    const form = rules.select(count);
    return lookup(`${key}_${form}`, substitutions) || lookup(`${key}_other`, substitutions) || key;
  }) as Translate;
}

/** The plural suffixes a key may carry, for the locale tests. */
export const PLURAL_SUFFIXES = PLURAL_FORMS.map((f) => `_${f}`);
