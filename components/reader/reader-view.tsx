import { useState } from 'preact/hooks';
import type { Article, Block } from '../../lib/article/record';
import { AlsoPublished, type StoryCopy } from '../reprints/also-published';
import { CiteButtons, type CiteStyle } from '../shared/cite-buttons';
import { langOfScript, ScriptBadge } from '../shared/script-badge';
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
  /** Body text size in px, with its bounds. */
  fontSize: number;
  onFontSize: (px: number) => void;
  /** The citation style just copied, for the confirmation. */
  copied?: CiteStyle;
  onCite: (style: CiteStyle) => void;
  /** Every saved copy of this story (this clipping among them), the original first; empty when none. */
  copies?: readonly StoryCopy[];
  /** The id of the clipping shown. */
  id?: string;
}

/** Text size bounds and step of the reader's A−/A+ control, in px. */
export const FONT_SIZES = { min: 14, max: 28, step: 2, initial: 18 } as const;

/**
 * A publication time as printed, with its UTC offset ("2026-03-15 10:00", "+08:00"); a date alone has
 * no offset. The offset is the publisher's own, so the time is never shifted into the reader's zone.
 */
export function splitPublished(publishedAt: string): { when: string; offset?: string } {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?/.exec(
    publishedAt,
  );
  if (!m) return { when: publishedAt };
  if (!m[2]) return { when: m[1]! };
  return { when: `${m[1]} ${m[2]}`, offset: m[3] === 'Z' ? '+00:00' : m[3] };
}

function BlockView(props: { block: Block }) {
  const { block } = props;
  if (block.type === 'p') return <p>{block.text}</p>;
  if (block.type === 'h') return <h2>{block.text}</h2>;
  return <FigureView block={block} />;
}

/**
 * A figure: the caption is said once (the figcaption; the image's alt stays empty, so a failed image
 * shows no second copy), and a
 * photo credit only ever sits under a shown image: without one it credits nothing.
 */
function FigureView(props: { block: Extract<Block, { type: 'figure' }> }) {
  const { block } = props;
  const [failed, setFailed] = useState(false);
  const src = keepHttpUrl(block.src);
  const image = src && !failed;
  const credit = image ? block.credit : undefined;
  if (!image && !block.caption) return null;
  return (
    <figure data-image={image ? 'shown' : 'none'}>
      {image && (
        <img src={src} alt="" loading="lazy" referrerpolicy="no-referrer" onError={() => setFailed(true)} />
      )}
      {(block.caption || credit) && (
        <figcaption>
          {block.caption}
          {credit && <span class="bz-credit">{credit}</span>}
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
    <article
      class="bz-reader"
      data-testid="bz-reader"
      data-script={article.script}
      lang={langOfScript(article.script)}
      style={{ '--bz-font-size': `${props.fontSize}px` }}
    >
      <div class="bz-reader-bar">
        <ScriptBadge script={article.script} t={t} />
        <span class="bz-site">{article.siteName}</span>
        <span class="bz-font" role="group" aria-label={t('reader_fontSize')}>
          <button
            type="button"
            data-testid="bz-font-smaller"
            title={t('reader_smaller')}
            aria-label={t('reader_smaller')}
            disabled={props.fontSize <= FONT_SIZES.min}
            onClick={() => props.onFontSize(props.fontSize - FONT_SIZES.step)}
          >
            {t('reader_smallerMark')}
          </button>
          <button
            type="button"
            data-testid="bz-font-larger"
            title={t('reader_larger')}
            aria-label={t('reader_larger')}
            disabled={props.fontSize >= FONT_SIZES.max}
            onClick={() => props.onFontSize(props.fontSize + FONT_SIZES.step)}
          >
            {t('reader_largerMark')}
          </button>
        </span>
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
          {article.publishedAt && <PublishedTime t={t} publishedAt={article.publishedAt} />}
          {article.source && <span>{t('reader_source', [article.source])}</span>}
          {article.authors.length > 0 && <span>{t('reader_authors', [article.authors.join('、')])}</span>}
        </p>
        <p class="bz-reader-cite">
          <CiteButtons t={t} copied={props.copied} onCopy={props.onCite} />
        </p>
      </header>
      {props.copies && props.id && (
        <AlsoPublished
          t={t}
          currentId={props.id}
          copies={props.copies}
          readerHref={(id) => `?id=${encodeURIComponent(id)}`}
        />
      )}
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

function PublishedTime(props: { t: Translate; publishedAt: string }) {
  const { when, offset } = splitPublished(props.publishedAt);
  return (
    <time dateTime={props.publishedAt} data-testid="bz-reader-time">
      {offset ? props.t('reader_time', [when, offset]) : when}
    </time>
  );
}
