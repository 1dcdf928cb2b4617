import type { SaveErrorCode } from '../../lib/messaging/contract';
import type { PlainKey } from './translate';

/** The localised message for each reason a save failed (toolbar and popup alike). */
export const SAVE_ERROR_KEYS: Record<SaveErrorCode, PlainKey> = {
  quota: 'toolbar_saveErrorQuota',
  invalid: 'toolbar_saveErrorInvalid',
  refused: 'toolbar_saveErrorRefused',
  outdated: 'toolbar_saveErrorOutdated',
  failed: 'toolbar_saveErrorFailed',
  'too-large': 'toolbar_saveErrorTooLarge',
  'no-reply': 'toolbar_saveErrorNoReply',
  interrupted: 'toolbar_saveErrorInterrupted',
};
