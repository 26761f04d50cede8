export * from './core';
export * from './react';
export * from './components';
export { en, mergeMessages } from './i18n';
export type { MessageOverrides, Messages } from './i18n';
