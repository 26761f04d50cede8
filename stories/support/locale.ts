import { createContext, useContext } from 'react';
import type { MessageOverrides } from '../../src/i18n';

/** The catalogue picked in the toolbar's locale menu; stories pass it to their ConsentProvider. */
export const StoryLocale = createContext<MessageOverrides | undefined>(undefined);
export const useStoryMessages = () => useContext(StoryLocale);
