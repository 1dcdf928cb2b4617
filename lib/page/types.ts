import type { DetectionReason } from '../article/record';
import type { SaveErrorCode } from '../messaging/contract';
import type { Variant } from '../convert/prefs.ts';

/** What the toolbar shows about detection: nothing yet, not an article (and why), or a badge with reasons. */
export type DetectionView =
  | { kind: 'pending' }
  | { kind: 'quiet'; reasons?: DetectionReason[] }
  | { kind: 'article' | 'gov-news'; reasons: Array<DetectionReason | string> };

/** `confirm`: the page is not an article and the toolbar asks before saving it as a page. */
export type SaveState = 'idle' | 'confirm' | 'saving' | 'saved' | 'error';
/** The page's script state: as loaded, or converted one way. */
export type ScriptState = 'original' | 'to-hant' | 'to-hans';
export type { Variant };

/** Everything the toolbar shows; the page controller owns it. */
export interface ToolbarState {
  detection: DetectionView;
  script: ScriptState;
  /** Direction the next toggle takes from the original page. */
  nextDirection: 'to-hant' | 'to-hans';
  saveState: SaveState;
  /** Why the last save failed; the toolbar shows its localised message. */
  saveError?: SaveErrorCode;
  variant: Variant;
  alwaysForSite: boolean;
  /** How the toolbar shows on this site (remembered per site). */
  toolbarMode: 'shown' | 'hidden' | 'collapsed';
  /** Sites this page's story is already saved from (a mirror, a reprint, the other script). */
  savedFrom?: string[];
  /** The key bound to the 简/繁 command ('' when none), undefined until the background answers. */
  shortcut?: string;
}
