import { ApiError, NETWORK_ERROR } from './api.ts';
import type { MessageKey } from './i18n.ts';

/** What to tell the person about a failed call: the server's own message, already in their language. */
export function describeError(error: unknown, t: (key: MessageKey) => string): string {
  if (error instanceof ApiError) return error.code === NETWORK_ERROR ? t('app.networkError') : error.message;
  return t('app.loadFailed');
}
