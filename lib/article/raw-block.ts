/** The intermediate block both the DOM walker and the text reader produce before cleaning. */
export interface RawBlock {
  kind: 'p' | 'h' | 'figure';
  text: string;
  src?: string;
  /** Looks like a photo caption by its markup (caption class, centred, right after an image). */
  captionHint?: boolean;
}
