/** Height of one archive table row in px; the virtual window is computed from it (see assets/archive.css). */
export const ROW_HEIGHT = 36;
