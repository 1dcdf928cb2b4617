/** Looks up a user-facing string (browser.i18n.getMessage in the extension, a table in tests). */
export type Translate = (key: string, substitutions?: string[]) => string;
