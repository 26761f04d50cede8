'use client';

import { forwardRef, useId, useRef, useState, type HTMLAttributes, type ReactNode } from 'react';
import { categoryOf, type CategoryDefinition } from '../../core';
import { useIsomorphicLayoutEffect, useStoreFromContext, type RegisteredId } from '../../react/context';
import { enTable } from '../../i18n/en';
import { useSectionMessages } from '../../react/messages';
import { cx, partClass, safeHref } from '../utils';

export type CookieTableKind = 'first-party' | 'third-party' | 'storage';

export interface CookieTableProps extends HTMLAttributes<HTMLDivElement> {
  /**
   * `first-party`: the cookies the site sets itself; `third-party`: the services that set their own;
   * `storage`: the Web Storage keys the categories declare.
   */
  kind: CookieTableKind;
  /** Only this category's cookies or services. Default: every category. */
  category?: RegisteredId;
  /** Default "First-party cookies" / "Third-party services" / "Web storage". Give each table on a page its own. */
  caption?: ReactNode;
  unstyled?: boolean;
}

interface Row {
  key: string;
  cells: [ReactNode, ReactNode, ReactNode, ReactNode];
}

/**
 * The policy's cookies (`kind="first-party"`) or third-party services (`kind="third-party"`) as a
 * table. The wrapper scrolls sideways on narrow screens, and only then takes focus, so keyboard
 * users can scroll it too.
 */
export const CookieTable = /* @__PURE__ */ forwardRef<HTMLDivElement, CookieTableProps>(function CookieTable(
  { kind, category, caption, unstyled, className, ...rest },
  ref,
) {
  const { policy } = useStoreFromContext('CookieTable');
  const t = useSectionMessages('table', enTable);
  const id = useId();
  const captionId = id + 'c';
  const newWindowId = id + 'w';
  // Only a wrapper that scrolls needs to be a tab stop, named so a reader knows where focus is: a
  // group, not a region, as it is nothing to navigate to by landmark, and the caption already names
  // the table. Where the table fits it stays out of the way.
  const table = useRef<HTMLTableElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useIsomorphicLayoutEffect(() => {
    const wrapper = table.current!.parentElement!;
    // It reports once as soon as it observes, then on each change of size.
    const observer = new ResizeObserver(() => setScrolls(wrapper.scrollWidth > wrapper.clientWidth));
    observer.observe(wrapper);
    return () => observer.disconnect();
  }, []);
  const categories: readonly Readonly<CategoryDefinition>[] =
    category === undefined ? policy.categories : [categoryOf(policy, category, `<CookieTable category="${category}">`)];

  const firstParty = kind === 'first-party';
  const columns =
    kind === 'storage'
      ? [t.key, t.purpose, t.storage, t.type]
      : firstParty
        ? [t.cookieName, t.purpose, t.duration, t.type]
        : [t.provider, t.purpose, t.type, t.privacyPolicy];
  const rows: Row[] = categories.flatMap((c) =>
    kind === 'storage'
      ? (c.storage ?? []).map((entry, i) => ({
          key: `${c.id}/${i}`,
          cells: [<code data-part="cookie-table-name">{entry.key}</code>, entry.purpose, t[entry.type] ?? entry.type, c.title] as Row['cells'],
        }))
      : firstParty
        ? (c.cookies ?? []).map((cookie, i) => ({
            key: `${c.id}/${i}`,
            cells: [<code data-part="cookie-table-name">{cookie.name}</code>, cookie.purpose, cookie.duration, c.title] as Row['cells'],
          }))
        : (c.services ?? []).map((service, i) => ({
            key: `${c.id}/${i}`,
            cells: [service.name, service.purpose, c.title, <PrivacyLink name={service.name} url={service.privacyPolicyUrl} describedBy={newWindowId} />] as Row['cells'],
          })),
  );

  return (
    <div
      ref={ref}
      {...(scrolls && { role: 'group', 'aria-labelledby': captionId, tabIndex: 0 })}
      data-part="cookie-table"
      data-kind={kind}
      className={cx(partClass('cookie-table', unstyled), className)}
      {...rest}
    >
      <table ref={table} data-part="cookie-table-table">
        <caption id={captionId} data-part="cookie-table-caption">
          {caption ?? (kind === 'storage' ? t.storageCaption : firstParty ? t.firstPartyCaption : t.thirdPartyCaption)}
        </caption>
        <thead data-part="cookie-table-head">
          <tr data-part="cookie-table-row">
            {columns.map((column, i) => (
              <th key={i} scope="col" data-part="cookie-table-column">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody data-part="cookie-table-body">
          {rows.length ? (
            rows.map(({ key, cells: [head, ...cells] }) => (
              <tr key={key} data-part="cookie-table-row">
                <th scope="row" data-part="cookie-table-row-header">
                  {head}
                </th>
                {cells.map((cell, i) => (
                  <td key={i} data-part="cookie-table-cell">
                    {cell}
                  </td>
                ))}
              </tr>
            ))
          ) : (
            <tr data-part="cookie-table-row">
              <td colSpan={columns.length} data-part="cookie-table-empty">
                {t.empty}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <span id={newWindowId} hidden>
        {t.newWindow}
      </span>
    </div>
  );
});

function PrivacyLink({ name, url, describedBy }: { name: string; url: string | undefined; describedBy: string }) {
  const t = useSectionMessages('table', enTable);
  if (!url) return <>{t.noPolicy}</>;
  // definePolicy rejects non-http(s) URLs, but a policy object can be built without it.
  const href = safeHref(url);
  if (!href) return <span data-part="cookie-table-url">{String(url)}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" aria-describedby={describedBy} data-part="cookie-table-link">
      {t.viewPolicy}{' '}
      <span data-part="cookie-table-link-hint">{t.viewPolicyOf(name)}</span>
    </a>
  );
}
