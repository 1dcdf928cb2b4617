import type { SaveErrorCode } from '../../lib/messaging/contract';
import { SAVE_ERROR_KEYS } from '../shared/save-error';
import type { Translate } from '../shared/translate';

/** Where saving the current tab stands, as the popup shows it. */
export type SavePageState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; asPage: boolean }
  /** The page is not an article: saved only when the reader confirms. */
  | { kind: 'ask' }
  | { kind: 'failed'; code: SaveErrorCode }
  /** No page to save here (a browser page, the web store). */
  | { kind: 'unavailable' };

/** "Save this page", with the question asked before keeping a page that is not an article. */
export function SavePage(props: {
  t: Translate;
  state: SavePageState;
  onSave: () => void;
  onConfirmPage: () => void;
  onCancel: () => void;
}) {
  const { t, state } = props;
  if (state.kind === 'ask') {
    return (
      <div class="bz-save-page bz-ask" role="alertdialog" data-testid="bz-save-ask" aria-live="polite">
        <span>{t('popup_notArticleQuestion')}</span>
        <button type="button" class="bz-primary" data-testid="bz-save-as-page" onClick={props.onConfirmPage}>
          {t('popup_saveAsPage')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('archive_cancel')}
        </button>
      </div>
    );
  }
  const label =
    state.kind === 'saving'
      ? t('popup_saving')
      : state.kind === 'saved'
        ? t(state.asPage ? 'popup_savedAsPage' : 'popup_saved')
        : t('popup_savePage');
  return (
    <div class="bz-save-page">
      <button
        type="button"
        class="bz-primary"
        data-testid="bz-save-page"
        data-state={state.kind}
        disabled={state.kind === 'saving' || state.kind === 'unavailable'}
        title={state.kind === 'unavailable' ? t('popup_cannotSave') : undefined}
        onClick={props.onSave}
      >
        {label}
      </button>
      {state.kind === 'failed' && (
        <span class="bz-error-text" role="alert">
          {t('popup_saveFailed', [t(SAVE_ERROR_KEYS[state.code])])}
        </span>
      )}
    </div>
  );
}
