export { en } from './en-catalogue';
export { mergeMessages } from './types';
export type { MessageOverrides, Messages } from './types';
