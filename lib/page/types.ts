/** What the toolbar shows about detection: nothing yet, nothing at all, or a badge with reasons. */
export type DetectionView =
  | { kind: 'pending' }
  | { kind: 'quiet' }
  | { kind: 'article' | 'gov-news'; reasons: string[] };

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';
/** The page's script state: as loaded, or converted one way. */
export type ScriptState = 'original' | 'to-hant' | 'to-hans';
/** Traditional-script target variants offered to the reader (opencc-js locale names). */
export type Variant = 'tw' | 'twp' | 'hk' | 't';
