import { langOfScript, ScriptBadge } from '../shared/script-badge';
import { ListDate, PageBadge } from '../shared/list-date';
import type { Translate } from '../shared/translate';
import type { TableRow } from './rows';
import { ROW_HEIGHT } from './row-height';

/** Local date and minute of a save, 2026-03-15 10:30. */
function formatSavedAt(savedAt: number): string {
  const d = new Date(savedAt);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** One line of the archive table; `row` is undefined while its clipping is being read. */
export function ArchiveTableRow(props: {
  t: Translate;
  id: string;
  index: number;
  row?: TableRow;
  selected: boolean;
  active: boolean;
  onToggle: (id: string, on: boolean) => void;
  onActivate: (index: number) => void;
  onOpen: (id: string) => void;
}) {
  const { t, row, id } = props;
  return (
    <div
      class={`bz-trow${props.selected ? ' bz-selected' : ''}${props.active ? ' bz-active' : ''}`}
      role="row"
      id={`bz-row-${props.index}`}
      aria-rowindex={props.index + 2}
      aria-selected={props.selected}
      data-testid="bz-table-row"
      data-id={id}
      style={{ top: `${props.index * ROW_HEIGHT}px` }}
      onClick={() => props.onActivate(props.index)}
      onDblClick={() => props.onOpen(id)}
    >
      <span role="gridcell" class="bz-cell-check">
        <input
          type="checkbox"
          tabIndex={-1}
          aria-label={row?.title ?? id}
          checked={props.selected}
          onClick={(e) => e.stopPropagation()}
          onChange={(e) => props.onToggle(id, (e.currentTarget as HTMLInputElement).checked)}
        />
      </span>
      <span role="gridcell" class="bz-cell-title">
        {row && (
          <button
            type="button"
            tabIndex={-1}
            class="bz-row-title"
            lang={langOfScript(row.script)}
            data-testid="bz-table-open"
            title={row.title}
            onClick={(e) => {
              e.stopPropagation();
              props.onOpen(id);
            }}
          >
            {row.title}
          </button>
        )}
        {row?.asPage && <PageBadge t={t} />}
      </span>
      <span role="gridcell" class="bz-cell-site" title={row?.siteName} lang={row && langOfScript(row.script)}>
        {row?.siteName}
      </span>
      <span role="gridcell" class="bz-cell-date">
        {row && <ListDate t={t} date={row.date} saved={row.saved} />}
      </span>
      <span role="gridcell" class="bz-cell-script">
        {row && <ScriptBadge script={row.script} t={t} />}
      </span>
      <span role="gridcell" class="bz-cell-tags">
        {row?.tags.map((tag) => (
          <span class="bz-tag" key={tag}>
            {tag}
          </span>
        ))}
      </span>
      <span role="gridcell" class="bz-cell-saved">
        {row && formatSavedAt(row.savedAt)}
      </span>
    </div>
  );
}
