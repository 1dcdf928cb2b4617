import type { Reprint } from '../../lib/archive/reprints';
import { AlsoPublished } from '../reprints/also-published';
import { CiteButtons, type CiteStyle } from '../shared/cite-buttons';
import { langOfScript } from '../shared/script-badge';
import type { Translate } from '../shared/translate';
import type { TableRow } from './rows';

/**
 * The active row's own controls, outside the grid so Tab reaches them: copy its citation, and every
 * other site that published its story (the original first).
 */
export function RowDetails(props: {
  t: Translate;
  row: TableRow;
  /** Saved copies of its story, this one included; empty when none, undefined while reading. */
  copies?: readonly Reprint[];
  copied?: CiteStyle;
  onCite: (style: CiteStyle) => void;
  onOpen: (id: string) => void;
  readerHref: (id: string) => string;
}) {
  const { t, row, copies } = props;
  return (
    <section
      class="bz-row-details"
      data-testid="bz-row-details"
      data-id={row.id}
      aria-label={t('archivePage_details', [row.title])}
    >
      <div class="bz-row-details-head">
        <button
          type="button"
          class="bz-link bz-row-details-title"
          lang={langOfScript(row.script)}
          onClick={() => props.onOpen(row.id)}
        >
          {row.title}
        </button>
        <CiteButtons t={t} copied={props.copied} onCopy={props.onCite} />
      </div>
      {copies && copies.length > 1 ? (
        <AlsoPublished t={t} currentId={row.id} copies={copies} readerHref={props.readerHref} />
      ) : copies ? (
        <p class="bz-row-details-none" data-testid="bz-also-none">
          {t('reprints_none')}
        </p>
      ) : (
        // While the copies are read their line is held open, so the table below does not move down.
        <p class="bz-row-details-none" data-testid="bz-also-reading" aria-hidden="true">
          {'\u00a0'}
        </p>
      )}
    </section>
  );
}
