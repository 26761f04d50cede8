'use client';

import { useContext, useMemo } from 'react';
import { en } from '../i18n/en-catalogue';
import { mergeMessages, type Messages } from '../i18n/types';
import { MessagesContext } from './messages';

// Apart from messages.ts, which every component imports: only a host that asks for the whole
// catalogue ships the policy page's English text.

/** The whole catalogue in use (English under the provider's `messages`). */
export function useMessages(): Messages {
  const overrides = useContext(MessagesContext);
  return useMemo(() => mergeMessages(en, overrides), [overrides]);
}
