'use client';

import { forwardRef, type ReactNode } from 'react';
import { optionalCategories } from '../../core';
import { useStoreFromContext } from '../../react/context';
import { enSettingsButton } from '../../i18n/en';
import { enPolicy } from '../../i18n/en-policy';
import { useSectionMessages } from '../../react/messages';
import { CookieTable } from '../cookie-table/cookie-table';
import { CookieSettingsButton } from '../settings-button/cookie-settings-button';
import { ConsentStatus } from '../status/consent-status';
import { safeHref } from '../utils';
import { below, Labelled, listOf, Section, SubHeading, Terms, Text, textOf, type PolicySectionBaseProps, type PolicyTerm } from './policy-blocks';

const isLink = (link: PolicyOptOutLink) => typeof link?.name == 'string' && typeof link.text == 'string';

/** A third-party opt-out tool: "**Digital Advertising Alliance (DAA)** [optout.aboutads.info]". */
export interface PolicyOptOutLink {
  name: string;
  /** The link's visible text. */
  text: string;
  href: string;
}

/** How to reach whoever answers questions about the policy. */
export interface PolicyContactDetails {
  name?: string;
  /** Becomes a `mailto:` link when it looks like an address; shown as text otherwise. */
  email?: string;
  phone?: string;
  /** Postal address, one line per entry. */
  address?: readonly string[];
}

export interface PolicyOverviewProps extends PolicySectionBaseProps {
  /** Who "we" are, e.g. "Connexx". */
  organization: string;
}

/** What This Policy Covers: scope, and that optional cookies wait for consent. */
export const PolicyOverview = /* @__PURE__ */ forwardRef<HTMLElement, PolicyOverviewProps>(function PolicyOverview(
  { organization, headingLevel = 2, children, ...rest },
  ref,
) {
  const t = useSectionMessages('policy', enPolicy).overview;
  return (
    <Section ref={ref} sectionId="overview" title={t.title} level={headingLevel} {...rest}>
      <Text>{t.scope(organization)}</Text>
      <Labelled label={t.consentLabel}>{t.consent}</Labelled>
      {children}
    </Section>
  );
});

export interface PolicyUnderstandingCookiesProps extends PolicySectionBaseProps {
  /** Default: local storage, pixels and web beacons, SDKs. */
  similarTechnologies?: readonly PolicyTerm[];
}

/** Understanding Cookies & Similar Technologies. */
export const PolicyUnderstandingCookies = /* @__PURE__ */ forwardRef<HTMLElement, PolicyUnderstandingCookiesProps>(function PolicyUnderstandingCookies(
  { similarTechnologies, headingLevel = 2, children, ...rest },
  ref,
) {
  const t = useSectionMessages('policy', enPolicy).understanding;
  const similar = Array.isArray(similarTechnologies) ? similarTechnologies : t.similar;
  return (
    <Section ref={ref} sectionId="understanding-cookies" title={t.title} level={headingLevel} {...rest}>
      <Text>{t.text}</Text>
      {similar.length ? (
        <>
          <p data-part="policy-text">
            <strong data-part="policy-term">{t.similarLabel}</strong>
          </p>
          <Terms items={similar} />
        </>
      ) : null}
      {children}
    </Section>
  );
});

/** How We Use Cookies: each category of the policy, required or optional, with its examples. */
export const PolicyCategories = /* @__PURE__ */ forwardRef<HTMLElement, PolicySectionBaseProps>(function PolicyCategories(
  { headingLevel = 2, children, ...rest },
  ref,
) {
  const { policy } = useStoreFromContext('PolicyCategories');
  const t = useSectionMessages('policy', enPolicy).categories;
  return (
    <Section ref={ref} sectionId="categories" title={t.title} level={headingLevel} {...rest}>
      <Text>{t.intro}</Text>
      {policy.categories.map((c) => (
        <div key={c.id} data-part="policy-category" data-category={c.id}>
          <SubHeading level={below(headingLevel)}>{c.required ? t.required(c.title) : t.optional(c.title)}</SubHeading>
          {c.description ? <Text>{c.description}</Text> : null}
          {c.examples?.length ? <Labelled label={t.examplesLabel}>{t.examples(c.examples)}</Labelled> : null}
        </div>
      ))}
      {children}
    </Section>
  );
});

export interface PolicyDurationsProps extends PolicySectionBaseProps {
  /** The "Duration:" texts. Default "Until browser is closed" and "30 days to 1 year (varies by purpose)". */
  durations?: { session?: string; persistent?: string };
}

/** Cookie Duration & Lifespan: session and persistent cookies. */
export const PolicyDurations = /* @__PURE__ */ forwardRef<HTMLElement, PolicyDurationsProps>(function PolicyDurations(
  { durations, headingLevel = 2, children, ...rest },
  ref,
) {
  const t = useSectionMessages('policy', enPolicy).durations;
  return (
    <Section ref={ref} sectionId="durations" title={t.title} level={headingLevel} {...rest}>
      {(['session', 'persistent'] as const).map((kind) => (
        <div key={kind} data-part="policy-duration" data-kind={kind}>
          <SubHeading level={below(headingLevel)}>{t[kind].title}</SubHeading>
          <Text>{t[kind].text}</Text>
          <Labelled label={t.durationLabel}>{textOf(durations?.[kind]) ?? t[kind].duration}</Labelled>
        </div>
      ))}
      {children}
    </Section>
  );
});

export interface PolicyCookieTablesProps extends PolicySectionBaseProps {
  /** Who sets the first-party cookies, e.g. "Connexx". */
  organization: string;
}

/** Specific Cookies We Use: the first-party and third-party tables, and Web Storage where the policy declares any. */
export const PolicyCookieTables = /* @__PURE__ */ forwardRef<HTMLElement, PolicyCookieTablesProps>(function PolicyCookieTables(
  { organization, headingLevel = 2, unstyled, children, ...rest },
  ref,
) {
  const t = useSectionMessages('policy', enPolicy).tables;
  const { policy } = useStoreFromContext('PolicyCookieTables');
  const level = below(headingLevel);
  return (
    <Section ref={ref} sectionId="cookie-tables" title={t.title} level={headingLevel} unstyled={unstyled} {...rest}>
      <SubHeading level={level}>{t.firstParty.title}</SubHeading>
      <Text>{t.firstParty.intro(organization)}</Text>
      <CookieTable kind="first-party" unstyled={unstyled} />
      {policy.categories.some((c) => c.storage?.length) ? (
        <>
          <SubHeading level={level}>{t.storage.title}</SubHeading>
          <Text>{t.storage.intro}</Text>
          <CookieTable kind="storage" unstyled={unstyled} />
        </>
      ) : null}
      <SubHeading level={level}>{t.thirdParty.title}</SubHeading>
      <Text>{t.thirdParty.intro}</Text>
      <CookieTable kind="third-party" unstyled={unstyled} />
      {children}
    </Section>
  );
});

export interface PolicyChoicesProps extends PolicySectionBaseProps {
  /** Where each browser keeps its cookie settings. Default: Chrome, Firefox, Safari, Edge. */
  browsers?: readonly PolicyTerm[];
  /** Default: the DAA, the NAI and Google Analytics' opt-out add-on. */
  optOuts?: readonly PolicyOptOutLink[];
}

/** Your Cookie Choices & Controls: the consent manager, browser settings, opt-out tools. */
export const PolicyChoices = /* @__PURE__ */ forwardRef<HTMLElement, PolicyChoicesProps>(function PolicyChoices(
  { browsers, optOuts, headingLevel = 2, unstyled, children, ...rest },
  ref,
) {
  const { policy } = useStoreFromContext('PolicyChoices');
  const policyMessages = useSectionMessages('policy', enPolicy);
  const settingsLabel = useSectionMessages('settingsButton', enSettingsButton);
  const t = policyMessages.choices;
  const level = below(headingLevel);
  const optional = optionalCategories(policy).map((c) => c.title);
  return (
    <Section ref={ref} sectionId="choices" title={t.title} level={headingLevel} unstyled={unstyled} {...rest}>
      <Text>{t.intro}</Text>
      <SubHeading level={level}>{t.manager.title}</SubHeading>
      <Text>{t.manager.text(settingsLabel)}</Text>
      <div data-part="policy-actions">
        <CookieSettingsButton unstyled={unstyled} />
      </div>
      <Labelled label={t.manager.controlLabel}>{t.manager.control(optional)}</Labelled>
      <SubHeading level={level}>{t.browser.title}</SubHeading>
      <Text>{t.browser.text}</Text>
      <Text>{t.browser.howTo}</Text>
      <Terms items={Array.isArray(browsers) ? browsers : t.browser.browsers} />
      <SubHeading level={level}>{t.optOuts.title}</SubHeading>
      <Text>{t.optOuts.text}</Text>
      <ul data-part="policy-list">
        {listOf(Array.isArray(optOuts) ? optOuts : t.optOuts.links, isLink).map(({ name, text, href }, i) => {
          const safe = safeHref(href, { relative: true });
          return (
            <li key={i} data-part="policy-list-item">
              <strong data-part="policy-term">{policyMessages.term(name)}</strong>{' '}
              {safe ? (
                <a href={safe} data-part="policy-link">
                  {text}
                </a>
              ) : (
                text
              )}
            </li>
          );
        })}
      </ul>
      <SubHeading level={level}>{t.impact.title}</SubHeading>
      <Text>{t.impact.text}</Text>
      {children}
    </Section>
  );
});

export type PolicyDoNotTrackProps = PolicySectionBaseProps;

/**
 * Additional Information, opening with Do Not Track Signals, worded after what the store does
 * (`respectDoNotTrack`); host sections can follow inside.
 */
export const PolicyDoNotTrack = /* @__PURE__ */ forwardRef<HTMLElement, PolicyDoNotTrackProps>(function PolicyDoNotTrack(
  { headingLevel = 2, children, ...rest },
  ref,
) {
  const { respectDoNotTrack } = useStoreFromContext('PolicyDoNotTrack');
  const t = useSectionMessages('policy', enPolicy).doNotTrack;
  return (
    <Section ref={ref} sectionId="do-not-track" title={t.title} level={headingLevel} {...rest}>
      <SubHeading level={below(headingLevel)}>{t.subtitle}</SubHeading>
      <Text>{respectDoNotTrack ? t.honored : t.ignored}</Text>
      {children}
    </Section>
  );
});

// Strict on purpose: "?", "&" or "%" in an address could add headers (cc, body) to the mailto link.
const EMAIL = /^[A-Za-z0-9._+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export interface PolicyContactProps extends PolicySectionBaseProps {
  contact?: PolicyContactDetails;
}

/** Questions About Our Cookie Policy?: who to write to. */
export const PolicyContact = /* @__PURE__ */ forwardRef<HTMLElement, PolicyContactProps>(function PolicyContact(
  { contact = {}, headingLevel = 2, children, ...rest },
  ref,
) {
  const t = useSectionMessages('policy', enPolicy).contact;
  const { name, email, phone, address } = contact;
  const mailto = typeof email == 'string' && EMAIL.test(email) ? safeHref(`mailto:${email}`) : undefined;
  // Text only: a field of another kind is left out, and an address given as one string is one line.
  const lines: ReactNode[] = listOf([name, email, phone, ...(typeof address == 'string' ? [address] : listOf(address))])
    .filter(Boolean)
    .map((line) => (mailto && line === email ? <a href={mailto} data-part="policy-link">{email}</a> : line));
  return (
    <Section ref={ref} sectionId="contact" title={t.title} level={headingLevel} {...rest}>
      <Text>{t.text}</Text>
      {lines.length ? (
        <address data-part="policy-contact">
          {lines.map((line, i) => (
            <p key={i} data-part="policy-contact-line">
              {line}
            </p>
          ))}
        </address>
      ) : null}
      {children}
    </Section>
  );
});

/** Manage Your Cookie Preferences: the settings button and the live "Current preferences". */
export const PolicyManagePreferences = /* @__PURE__ */ forwardRef<HTMLElement, PolicySectionBaseProps>(function PolicyManagePreferences(
  { headingLevel = 2, unstyled, children, ...rest },
  ref,
) {
  const t = useSectionMessages('policy', enPolicy).manage;
  return (
    <Section ref={ref} sectionId="manage-preferences" title={t.title} level={headingLevel} unstyled={unstyled} {...rest}>
      <Text>{t.text}</Text>
      <div data-part="policy-actions">
        <CookieSettingsButton unstyled={unstyled} />
      </div>
      <ConsentStatus unstyled={unstyled} />
      {children}
    </Section>
  );
});
