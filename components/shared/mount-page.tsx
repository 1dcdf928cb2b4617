import { render, type ComponentChild } from 'preact';
import { createTranslate, type MessageSource, type PlainKey, type Translate } from './translate';

/**
 * Mounts an extension page (popup, archive, reader, options) into its `#app`: the UI language on
 * `<html lang>`, the localised page title, then the view. Returns false on a document without
 * `#app`, where nothing is touched.
 */
export function mountExtensionPage(
  i18n: MessageSource,
  titleKey: PlainKey,
  view: (t: Translate) => ComponentChild,
): boolean {
  const root = document.getElementById('app');
  if (!root) return false;
  const t = createTranslate(i18n);
  document.documentElement.lang = i18n.getUILanguage();
  document.title = t(titleKey);
  render(view(t), root);
  return true;
}
