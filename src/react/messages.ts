import { createContext, useContext } from 'react';
import { en } from '../i18n/en';
import type { Messages } from '../i18n/types';

export const MessagesContext = createContext<Messages>(en);

/** The provider's message catalogue (English unless `messages` was passed). */
export const useMessages = (): Messages => useContext(MessagesContext);
