export { CookieTable } from './cookie-table';
export type { CookieTableKind, CookieTableProps } from './cookie-table';
