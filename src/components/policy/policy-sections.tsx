'use client';

import { forwardRef, Fragment, type HTMLAttributes, type ReactNode, type Ref } from 'react';
import { useStoreFromContext } from '../../react/context';
import { enPolicy } from '../../i18n/en-policy';
import { useLocale, useSectionMessages } from '../../react/messages';
import { cx, partClass, type HeadingLevel } from '../utils';
import {
  below,
  Heading,
  listOf,
  PolicyBlocks,
  Section,
  sectionAnchor,
  textOf,
  type PolicyBlock,
  type PolicySectionBaseProps,
  type PolicyTerm,
} from './policy-blocks';
import {
  PolicyCategories,
  PolicyChoices,
  PolicyContact,
  PolicyCookieTables,
  PolicyDoNotTrack,
  PolicyDurations,
  PolicyManagePreferences,
  PolicyOverview,
  PolicyUnderstandingCookies,
  type PolicyContactDetails,
  type PolicyOptOutLink,
} from './builtin-sections';

/** The built-in sections, in the order the page shows them. */
export const policySectionIds = [
  'overview',
  'understanding-cookies',
  'categories',
  'durations',
  'cookie-tables',
  'choices',
  'do-not-track',
  'contact',
  'manage-preferences',
] as const;

export type PolicySectionId = (typeof policySectionIds)[number];

/** A section the host writes, as data. */
export interface PolicyCustomSectionContent {
  /** Its anchor is `#cc-policy-<id>`; keep it unique on the page. */
  id: string;
  /** Without a title the blocks are shown without a heading (e.g. a note) and left out of the contents. */
  title?: string;
  body: readonly PolicyBlock[];
  /** The built-in section it follows. Default: just before the contact section. */
  after?: PolicySectionId;
  /** Instead of following a section, close it as a sub-section (e.g. inside "Additional Information"). */
  within?: PolicySectionId;
}

/** Everything of the policy page that is not in the policy itself. Plain strings, no HTML. */
export interface PolicyPageContent {
  /** Who "we" are, e.g. "Connexx". */
  organization: string;
  /** Shown as "Last Updated: ...". Default: the policy's `updatedAt`. */
  updatedAt?: string;
  /** The line under the title. */
  intro?: string;
  /** For "Questions About Our Cookie Policy?"; without it that section is left out. */
  contact?: PolicyContactDetails;
  /** Host sections, placed by `after` or `within`, in array order. */
  sections?: readonly PolicyCustomSectionContent[];
  /** Replaces the default list of similar technologies (local storage, pixels, SDKs). */
  similarTechnologies?: readonly PolicyTerm[];
  /** Replaces the default "Duration:" texts of session and persistent cookies. */
  durations?: { session?: string; persistent?: string };
  /** Replaces the default browser instructions (Chrome, Firefox, Safari, Edge). */
  browsers?: readonly PolicyTerm[];
  /** Replaces the default opt-out tools (DAA, NAI, Google Analytics add-on). */
  optOuts?: readonly PolicyOptOutLink[];
}

export interface PolicyCustomSectionProps extends PolicySectionBaseProps {
  section: PolicyCustomSectionContent;
}

/** A host-written section: its title as a heading, its blocks as paragraphs and lists. */
export const PolicyCustomSection = /* @__PURE__ */ forwardRef<HTMLElement, PolicyCustomSectionProps>(function PolicyCustomSection(
  { section, headingLevel = 2, unstyled, className, children, ...rest },
  ref,
) {
  const { id, body } = section;
  // Host data: a title that is not text is no title (PolicyBlocks drops a body that is not a list).
  const title = typeof section.title == 'string' ? section.title : undefined;
  if (!title) {
    return (
      <div
        ref={ref as Ref<HTMLDivElement>}
        id={sectionAnchor(id)}
        data-part="policy-section"
        data-section={id}
        className={cx(partClass('policy-section', unstyled), className)}
        {...rest}
      >
        <PolicyBlocks blocks={body} level={headingLevel} />
        {children}
      </div>
    );
  }
  return (
    <Section ref={ref} sectionId={id} title={title} level={headingLevel} unstyled={unstyled} className={className} data-custom="" {...rest}>
      <PolicyBlocks blocks={body} level={below(headingLevel)} />
      {children}
    </Section>
  );
});

export interface PolicySectionsProps extends Omit<HTMLAttributes<HTMLElement>, 'content'> {
  content: PolicyPageContent;
  /** The level of the page title: 1 by default; sections are one level below, their parts two. */
  headingLevel?: HeadingLevel;
  /** Show an "On this page" table of contents. Default false. */
  toc?: boolean;
  unstyled?: boolean;
}

const isBuiltIn = (id: unknown): id is PolicySectionId => policySectionIds.includes(id as PolicySectionId);

/**
 * The host's own sections that can be placed: each needs an id of its own (its anchor and its
 * React key). One that repeats an earlier id or a built-in section's is a mistake: a development
 * error, and left out in production.
 */
function hostSections(sections: PolicyPageContent['sections']): PolicyCustomSectionContent[] {
  const kept = listOf(sections, (s): boolean => typeof s?.id == 'string' && !isBuiltIn(s.id) && sections!.find((o) => o?.id === s.id) === s);
  if (process.env.NODE_ENV !== 'production' && kept.length != listOf(sections, () => true).length) {
    const bad = listOf(sections, (s) => !kept.includes(s))[0];
    throw new Error(
      `[consent-ui] PolicySections: content.sections has a section with the id ${JSON.stringify(bad?.id)}; each needs an id of its own, not one of ${policySectionIds.join(', ')}.`,
    );
  }
  return kept;
}

interface PlacedSection {
  id: string;
  title?: string;
  node: ReactNode;
}

/**
 * The page's order: the built-in sections in their fixed order, each host section after the one
 * it names (`after`), or nested in one (`within`, rendered by that section). A host section meant
 * to close a section that is not on the page (contact, without contact details) is placed by
 * `after` instead; one naming no (or no such) place goes before the contact section.
 */
function placeSections(
  builtIn: Record<PolicySectionId, { title: string; node: ReactNode } | null>,
  custom: PolicyCustomSectionContent[],
  render: (section: PolicyCustomSectionContent) => ReactNode,
): PlacedSection[] {
  const entry = (s: PolicyCustomSectionContent) => ({ id: s.id, title: typeof s.title == 'string' ? s.title : undefined, node: render(s) });
  const inside = (s: PolicyCustomSectionContent) => isBuiltIn(s.within) && !!builtIn[s.within];
  const unplaced = custom.filter((s) => !inside(s) && !isBuiltIn(s.after)).map(entry);
  return policySectionIds.flatMap((id) => {
    const own = builtIn[id];
    return [
      ...(id === 'contact' ? unplaced : []),
      ...(own ? [{ id, title: own.title, node: own.node }] : []),
      ...custom.filter((s) => !inside(s) && s.after === id).map(entry),
    ];
  });
}

/** "On this page": a link to each section that has a title. */
function PolicyContents({ label, entries }: { label: string; entries: PlacedSection[] }) {
  return (
    <nav aria-label={label} data-part="policy-toc">
      <ol data-part="policy-toc-list">
        {entries
          .filter((e) => e.title)
          .map((e) => (
            <li key={e.id} data-part="policy-toc-item">
              <a href={`#${sectionAnchor(e.id)}`} data-part="policy-toc-link">
                {e.title}
              </a>
            </li>
          ))}
      </ol>
    </nav>
  );
}

/**
 * The whole cookie-policy page from the provider's policy and the host's `content`: title, built-in
 * sections in a fixed order, and the host's own sections where they asked to be.
 */
export const PolicySections = /* @__PURE__ */ forwardRef<HTMLElement, PolicySectionsProps>(function PolicySections(
  { content: given, headingLevel = 1, toc = false, unstyled, className, ...rest },
  ref,
) {
  // Host data, maybe from a CMS: every field is narrowed where it is used, as the sections do.
  const content: Partial<PolicyPageContent> = (typeof given == 'object' && given) || {};
  const organization = textOf(content.organization) ?? '';
  const { policy } = useStoreFromContext('PolicySections');
  const t = useSectionMessages('policy', enPolicy);
  const lang = useLocale();
  const level = below(headingLevel);
  const custom = hostSections(content.sections);
  const updatedAt = textOf(content.updatedAt) ?? policy.updatedAt;

  const nestedIn = (id: PolicySectionId) =>
    custom
      .filter((s) => s.within === id)
      .map((s) => <PolicyCustomSection key={s.id} section={s} headingLevel={below(level)} unstyled={unstyled} />);
  const common = (id: PolicySectionId) => ({ headingLevel: level, unstyled, children: nestedIn(id) });

  const builtIn: Record<PolicySectionId, { title: string; node: ReactNode } | null> = {
    overview: { title: t.overview.title, node: <PolicyOverview organization={organization} {...common('overview')} /> },
    'understanding-cookies': {
      title: t.understanding.title,
      node: <PolicyUnderstandingCookies similarTechnologies={content.similarTechnologies} {...common('understanding-cookies')} />,
    },
    categories: { title: t.categories.title, node: <PolicyCategories {...common('categories')} /> },
    durations: { title: t.durations.title, node: <PolicyDurations durations={content.durations} {...common('durations')} /> },
    'cookie-tables': {
      title: t.tables.title,
      node: <PolicyCookieTables organization={organization} {...common('cookie-tables')} />,
    },
    choices: {
      title: t.choices.title,
      node: <PolicyChoices browsers={content.browsers} optOuts={content.optOuts} {...common('choices')} />,
    },
    'do-not-track': {
      title: t.doNotTrack.title,
      node: <PolicyDoNotTrack {...common('do-not-track')} />,
    },
    contact: content.contact
      ? { title: t.contact.title, node: <PolicyContact contact={content.contact} {...common('contact')} /> }
      : null,
    'manage-preferences': { title: t.manage.title, node: <PolicyManagePreferences {...common('manage-preferences')} /> },
  };

  const entries = placeSections(builtIn, custom, (s) => <PolicyCustomSection key={s.id} section={s} headingLevel={level} unstyled={unstyled} />);

  return (
    <article ref={ref} lang={lang} data-part="policy" className={cx(partClass('policy', unstyled), className)} {...rest}>
      <header data-part="policy-header">
        <Heading level={headingLevel} data-part="policy-title">
          {t.title}
        </Heading>
        {textOf(content.intro) ? <p data-part="policy-intro">{content.intro}</p> : null}
        {updatedAt ? <p data-part="policy-updated">{t.updated(updatedAt)}</p> : null}
      </header>
      {toc ? <PolicyContents label={t.toc} entries={entries} /> : null}
      {entries.map((e) => (
        <Fragment key={e.id}>{e.node}</Fragment>
      ))}
    </article>
  );
});
