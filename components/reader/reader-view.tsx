import type { Article, Block } from '../../lib/article/record';
import { ScriptBadge } from '../shared/script-badge';
import { keepHttpUrl } from '../shared/safe-url';
import type { Translate } from '../shared/translate';

export interface ReaderViewProps {
  t: Translate;
  /** The article as shown: the stored clipping, or its conversion. */
  article: Article;
  savedAt: number;
  tags: string[];
  note: string;
  /** Which way the toggle converts next, or 'original' when it restores the stored text. */
  toggle: 'to-hant' | 'to-hans' | 'original';
  converting: boolean;
  error?: string;
  onToggle: () => void;
}

function BlockView(props: { block: Block }) {
  const { block } = props;
  if (block.type === 'p') return <p>{block.text}</p>;
  if (block.type === 'h') return <h2>{block.text}</h2>;
  const src = keepHttpUrl(block.src);
  return (
    <figure>
      {src && <img src={src} alt={block.caption ?? ''} loading="lazy" referrerpolicy="no-referrer" />}
      {(block.caption || block.credit) && (
        <figcaption>
          {block.caption}
          {block.credit && <span class="bz-credit">{block.credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}

/** The full reader page of one clipping, rendered as text only, with the 简/繁 toggle. */
export function ReaderView(props: ReaderViewProps) {
  const { t, article } = props;
  const original = keepHttpUrl(article.canonicalUrl) ?? keepHttpUrl(article.url);
  const toggleKey =
    props.toggle === 'to-hant'
      ? 'reader_toHant'
      : props.toggle === 'to-hans'
        ? 'reader_toHans'
        : 'reader_original';
  return (
    <article class="bz-reader" data-testid="bz-reader" data-script={article.script}>
      <div class="bz-reader-bar">
        <ScriptBadge script={article.script} t={t} />
        <span class="bz-site">{article.siteName}</span>
        <button
          type="button"
          class="bz-primary"
          data-testid="bz-reader-toggle"
          disabled={props.converting}
          onClick={props.onToggle}
        >
          {props.converting ? t('reader_converting') : t(toggleKey)}
        </button>
      </div>
      {props.error && (
        <p class="bz-error" role="alert">
          {props.error}
        </p>
      )}
      <header>
        {article.kicker && <p class="bz-kicker">{article.kicker}</p>}
        <h1 data-testid="bz-reader-title">{article.title}</h1>
        {article.subtitle && <p class="bz-subtitle">{article.subtitle}</p>}
        {article.originalTitle && (
          <p class="bz-byline">{t('reader_originalTitle', [article.originalTitle])}</p>
        )}
        <p class="bz-byline">
          {article.publishedAt && <time>{article.publishedAt.slice(0, 16).replace('T', ' ')}</time>}
          {article.source && <span>{t('reader_source', [article.source])}</span>}
          {article.authors.length > 0 && <span>{t('reader_authors', [article.authors.join('、')])}</span>}
        </p>
      </header>
      <div class="bz-body" data-testid="bz-reader-body">
        {article.blocks.map((block, i) => (
          <BlockView key={i} block={block} />
        ))}
      </div>
      <footer class="bz-reader-footer">
        {article.editors.length > 0 && <p>{t('reader_editors', [article.editors.join('、')])}</p>}
        <p>{t('reader_savedOn', [new Date(props.savedAt).toISOString().slice(0, 10)])}</p>
        {props.tags.length > 0 && <p>{t('reader_tags', [props.tags.join('、')])}</p>}
        {props.note && (
          <section class="bz-note">
            <h3>{t('reader_note')}</h3>
            <p>{props.note}</p>
          </section>
        )}
        {original && (
          <p>
            <a href={original} target="_blank" rel="noopener noreferrer">
              {t('reader_openOriginal')}
            </a>
          </p>
        )}
      </footer>
    </article>
  );
}
