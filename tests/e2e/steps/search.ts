import type { Locator, Page } from 'playwright-core';

/** What a search kind is called in the filter on the search page. */
export type SearchKindName = 'Saker' | 'Innspill' | 'Vedtak' | 'Møter';

export interface SearchResult {
  /** The announced count («12 treff på «skole»»). */
  status: string;
  /** The hits' headings (the linked titles), in the order shown. */
  titles: string[];
}

/**
 * Searches from the header's search field (the «Søk i Samråd» landmark), as a person would on any page,
 * and waits for the search page to announce its count. Returns the count text and the hits' titles.
 */
export async function search(page: Page, query: string): Promise<SearchResult> {
  const header = page.getByRole('search', { name: 'Søk i Samråd' });
  await header.getByRole('searchbox', { name: 'Søk i saker, innspill, vedtak og møter' }).fill(query);
  await header.getByRole('button', { name: 'Søk', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/sok' && url.searchParams.get('q') === query.trim());
  return results(page, query);
}

/** Narrows the hits on the search page to one kind («Saker (3)» …) and waits for the new count. */
export async function filterSearch(page: Page, kind: SearchKindName, query: string): Promise<SearchResult> {
  await page
    .getByRole('navigation', { name: 'Vis treff i' })
    .getByRole('link', { name: new RegExp(`^${kind} \\(\\d+\\)$`) })
    .click();
  await page.waitForURL((url) => url.searchParams.has('type'));
  return results(page, query);
}

/** Opens a hit by its title (the link leads to the case, round or meeting it was found in). */
export async function openSearchHit(page: Page, title: string | RegExp): Promise<void> {
  await hits(page).getByRole('link', { name: title }).first().click();
}

const hits = (page: Page): Locator => page.getByRole('list', { name: 'Treff' });

async function results(page: Page, query: string): Promise<SearchResult> {
  const status = page.getByRole('status').filter({ hasText: `treff på «${query.trim()}»` });
  await status.waitFor();
  const text = (await status.textContent()) ?? '';
  const none = text.startsWith('0 ');
  const titles = none ? [] : await hits(page).getByRole('heading', { level: 2 }).allTextContents();
  return { status: text, titles };
}
