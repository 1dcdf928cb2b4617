import type { Script } from '../../lib/article/record';
import type { PlainKey, Translate } from './translate';

const KEYS: Record<Script, [PlainKey, PlainKey]> = {
  hans: ['archive_scriptHans', 'archive_scriptHansTitle'],
  hant: ['archive_scriptHant', 'archive_scriptHantTitle'],
  mixed: ['archive_scriptMixed', 'archive_scriptMixedTitle'],
};

/** A one-character badge naming the script a clipping is written in. */
export function ScriptBadge(props: { script: Script; t: Translate }) {
  const [label, title] = KEYS[props.script];
  return (
    <span class={`bz-script bz-script-${props.script}`} title={props.t(title)} data-script={props.script}>
      {props.t(label)}
    </span>
  );
}
