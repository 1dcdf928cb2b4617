import type { Script } from '../../lib/article/record';
import type { PlainKey, Translate } from './translate';

const KEYS: Record<Script, [PlainKey, PlainKey]> = {
  hans: ['archive_scriptHans', 'archive_scriptHansTitle'],
  hant: ['archive_scriptHant', 'archive_scriptHantTitle'],
  mixed: ['archive_scriptMixed', 'archive_scriptMixedTitle'],
};

/**
 * The BCP 47 tag of a text in a script. Text a page wrote carries it wherever it is shown (reader,
 * popup, archive), not the UI's language: browsers pick CJK glyphs by `lang`, and an English or
 * Taiwanese UI would otherwise draw a simplified title in mixed fallback fonts or in the wrong forms.
 */
export function langOfScript(script: Script): string {
  return script === 'hant' ? 'zh-Hant' : script === 'hans' ? 'zh-Hans' : 'zh';
}

/** A one-character badge naming the script a clipping is written in. */
export function ScriptBadge(props: { script: Script; t: Translate }) {
  const [label, title] = KEYS[props.script];
  return (
    <span class={`bz-script bz-script-${props.script}`} title={props.t(title)} data-script={props.script}>
      {props.t(label)}
    </span>
  );
}
