import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import type { Translate } from '../../components/shared/translate';

/** A stand-in for the i18n helper that shows the key and its substitutions: key(a,b). */
export const t = ((key: string, subs?: Array<string | number>) =>
  subs?.length ? `${key}(${subs.join(',')})` : key) as Translate;

/** Render a component into a fresh element of the test document. */
export function mount(node: ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root));
  return root;
}
