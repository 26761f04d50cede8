export { en } from './en';
export { mergeMessages } from './types';
export type { MessageOverrides, Messages } from './types';
