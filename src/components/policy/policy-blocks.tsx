'use client';

import { createElement, forwardRef, type HTMLAttributes, type ReactNode } from 'react';
import { enPolicy } from '../../i18n/en-policy';
import { useSectionMessages } from '../../react/messages';
import { cx, partClass, type HeadingLevel } from '../utils';

/** A bold term and its explanation: "**Necessity:** Essential cookies are necessary ...". */
export interface PolicyTerm {
  term: string;
  text: string;
}

/**
 * One block of a host-written section, as plain data (no HTML): a paragraph, a bullet list, a list
 * of terms, a highlighted note ("**Important Note:** ..."), or a titled sub-section.
 */
export type PolicyBlock =
  | string
  | { readonly list: readonly string[] }
  | { readonly terms: readonly PolicyTerm[] }
  | { readonly note: string; readonly label?: string }
  | { readonly heading: string; readonly body: readonly PolicyBlock[] };

export interface PolicySectionBaseProps extends HTMLAttributes<HTMLElement> {
  /** The level of the section's heading: 2 by default; sub-headings are one level below. */
  headingLevel?: HeadingLevel;
  unstyled?: boolean;
}

/** The level below `level`; HTML has no seventh. */
export const below = (level: HeadingLevel) => Math.min(level + 1, 6) as HeadingLevel;

export function Heading({ level, ...props }: HTMLAttributes<HTMLHeadingElement> & { level: HeadingLevel }) {
  return createElement(`h${level}`, props);
}

/** `#cc-policy-<id>`: where the table of contents points. */
export const sectionAnchor = (id: string) => `cc-policy-${id}`;

interface SectionProps extends HTMLAttributes<HTMLElement> {
  unstyled?: boolean;
  sectionId: string;
  title: string;
  level: HeadingLevel;
}

/**
 * A section with a heading and the id the table of contents links to. Not named, so not a region:
 * a page of a dozen landmarks makes the landmark list useless, and readers move by heading here.
 */
export const Section = /* @__PURE__ */ forwardRef<HTMLElement, SectionProps>(function Section(
  { sectionId, title, level, unstyled, className, children, ...rest },
  ref,
) {
  return (
    <section
      ref={ref}
      id={sectionAnchor(sectionId)}
      data-part="policy-section"
      data-section={sectionId}
      className={cx(partClass('policy-section', unstyled), className)}
      {...rest}
    >
      <Heading level={level} data-part="policy-heading">
        {title}
      </Heading>
      {children}
    </section>
  );
});

export function SubHeading({ level, children }: { level: HeadingLevel; children: ReactNode }) {
  return (
    <Heading level={level} data-part="policy-subheading">
      {children}
    </Heading>
  );
}

export const Text = ({ children }: { children: ReactNode }) => <p data-part="policy-text">{children}</p>;

/** "**Label** text" in one paragraph. */
export function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <p data-part="policy-text">
      <strong data-part="policy-term">{label}</strong> {children}
    </p>
  );
}

/**
 * Content a host passes is data, maybe loaded from a CMS: a value of the wrong kind is dropped
 * (a list that is not a list is empty, a string that is not a string is left out), never rendered
 * as markup and never a crash.
 */
export const listOf = <T,>(value: readonly T[] | undefined, keep: (item: T) => boolean = (item) => typeof item == 'string'): T[] =>
  Array.isArray(value) ? value.filter(keep) : [];

/** `value` where it is text, else undefined (the default, or nothing, is shown instead). */
export const textOf = (value: unknown): string | undefined => (typeof value == 'string' ? value : undefined);

const isTerm = (item: PolicyTerm) => typeof item?.term == 'string' && typeof item.text == 'string';

export function Terms({ items }: { items: readonly PolicyTerm[] }) {
  const t = useSectionMessages('policy', enPolicy);
  return (
    <ul data-part="policy-list">
      {listOf(items, isTerm).map(({ term, text }, i) => (
        <li key={i} data-part="policy-list-item">
          <strong data-part="policy-term">{t.term(term)}</strong> {text}
        </li>
      ))}
    </ul>
  );
}

const has = <K extends string>(block: PolicyBlock, key: K): block is Extract<PolicyBlock, Record<K, unknown>> =>
  typeof block === 'object' && block !== null && key in block;

/** Renders a host's blocks as text: strings never become markup. Unknown shapes are skipped. */
export function PolicyBlocks({ blocks, level }: { blocks: readonly PolicyBlock[]; level: HeadingLevel }) {
  return (
    <>
      {listOf(blocks, Boolean).map((block, i) => {
        if (typeof block === 'string') return <Text key={i}>{block}</Text>;
        if (has(block, 'list')) {
          return (
            <ul key={i} data-part="policy-list">
              {listOf(block.list).map((item, j) => (
                <li key={j} data-part="policy-list-item">
                  {item}
                </li>
              ))}
            </ul>
          );
        }
        if (has(block, 'terms')) return <Terms key={i} items={block.terms} />;
        if (has(block, 'note') && typeof block.note == 'string') {
          const label = typeof block.label == 'string' && block.label;
          return (
            <p key={i} role="note" data-part="policy-note">
              {label ? <strong data-part="policy-note-label">{label}</strong> : null}
              {label ? ' ' : null}
              {block.note}
            </p>
          );
        }
        if (has(block, 'heading') && typeof block.heading == 'string') {
          return (
            <div key={i} data-part="policy-subsection">
              <SubHeading level={level}>{block.heading}</SubHeading>
              <PolicyBlocks blocks={block.body} level={below(level)} />
            </div>
          );
        }
        return null;
      })}
    </>
  );
}
