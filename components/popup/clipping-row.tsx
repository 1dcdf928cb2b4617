import { useState } from 'preact/hooks';
import type { Script } from '../../lib/article/record';
import type { Marked } from '../../lib/archive/search';
import { CiteButtons, type CiteStyle } from '../shared/cite-buttons';
import { Highlight } from '../shared/highlight';
import { ListDate, PageBadge } from '../shared/list-date';
import { langOfScript, ScriptBadge } from '../shared/script-badge';
import type { Translate } from '../shared/translate';

/** What one list row shows; built by the popup glue from a clipping (and the search, if any). */
export interface ListItem {
  id: string;
  title: Marked;
  snippet?: Marked;
  siteName: string;
  /** Publication date, or the save date when `dateSaved`. */
  date: string;
  /** The date is when it was saved (no publication date): shown as 「保存于 …」. */
  dateSaved?: boolean;
  /** Saved on the reader's word although the page is not an article. */
  asPage?: boolean;
  script: Script;
  tags: string[];
  note: string;
}

export interface ClippingRowProps {
  t: Translate;
  item: ListItem;
  selected: boolean;
  onSelect: (id: string, selected: boolean) => void;
  onOpen: (id: string) => void;
  onDelete: (ids: string[]) => void;
  onSaveMeta: (id: string, changes: { tags: string[]; note: string }) => void;
  /** The citation style just copied from this row, for the confirmation. */
  copied?: CiteStyle;
  onCite: (id: string, style: CiteStyle) => void;
}

/** Split what the reader typed into tags: commas (either width) or 、 separate them. */
export function parseTagInput(input: string): string[] {
  return input
    .split(/[,，、]/)
    .map((t) => t.trim())
    .filter(Boolean);
}

/** One clipping in the list: title, site, date, script badge, snippet, tags, and its actions. */
export function ClippingRow(props: ClippingRowProps) {
  const { t, item } = props;
  const [editing, setEditing] = useState(false);
  const lang = langOfScript(item.script);
  const [tags, setTags] = useState(item.tags.join(', '));
  const [note, setNote] = useState(item.note);

  const startEdit = () => {
    setTags(item.tags.join(', '));
    setNote(item.note);
    setEditing(true);
  };
  const save = (event: Event) => {
    event.preventDefault();
    props.onSaveMeta(item.id, { tags: parseTagInput(tags), note });
    setEditing(false);
  };

  return (
    <li class="bz-row" data-testid="bz-row" data-id={item.id}>
      <input
        type="checkbox"
        class="bz-check"
        aria-label={item.title.text}
        checked={props.selected}
        onChange={(e) => props.onSelect(item.id, (e.currentTarget as HTMLInputElement).checked)}
      />
      <div class="bz-row-main">
        <button
          type="button"
          class="bz-row-title"
          lang={lang}
          data-testid="bz-open"
          onClick={() => props.onOpen(item.id)}
        >
          <Highlight value={item.title} />
        </button>
        <div class="bz-row-meta">
          <ScriptBadge script={item.script} t={t} />
          <span class="bz-site" lang={lang}>
            {item.siteName}
          </span>
          <ListDate t={t} date={item.date} saved={item.dateSaved === true} />
          {item.asPage && <PageBadge t={t} />}
        </div>
        {item.snippet && item.snippet.text && (
          <p class="bz-snippet" lang={lang} data-testid="bz-snippet">
            <Highlight value={item.snippet} />
          </p>
        )}
        {!editing && (item.tags.length > 0 || item.note) && (
          <div class="bz-row-tags">
            {item.tags.map((tag) => (
              <span class="bz-tag" key={tag}>
                {tag}
              </span>
            ))}
            {item.note && <span class="bz-note-preview">{item.note}</span>}
          </div>
        )}
        {editing ? (
          <form class="bz-edit" data-testid="bz-edit" onSubmit={save}>
            <label>
              {t('archive_tagsLabel')}
              <input
                type="text"
                data-testid="bz-tags-input"
                value={tags}
                maxLength={2000}
                onInput={(e) => setTags((e.currentTarget as HTMLInputElement).value)}
              />
            </label>
            <label>
              {t('archive_noteLabel')}
              <textarea
                data-testid="bz-note-input"
                rows={3}
                value={note}
                maxLength={20_000}
                onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
              />
            </label>
            <div class="bz-edit-actions">
              <button type="submit" class="bz-primary" data-testid="bz-edit-save">
                {t('archive_save')}
              </button>
              <button type="button" onClick={() => setEditing(false)}>
                {t('archive_cancel')}
              </button>
            </div>
          </form>
        ) : (
          <div class="bz-row-actions">
            <button type="button" class="bz-link" data-testid="bz-edit-open" onClick={startEdit}>
              {t('archive_edit')}
            </button>
            <button
              type="button"
              class="bz-link bz-danger"
              data-testid="bz-delete"
              onClick={() => props.onDelete([item.id])}
            >
              {t('archive_delete')}
            </button>
            <CiteButtons t={t} copied={props.copied} onCopy={(style) => props.onCite(item.id, style)} />
          </div>
        )}
      </div>
    </li>
  );
}
