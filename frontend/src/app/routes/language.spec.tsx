import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { meResponseSchema, municipalityResponseSchema, tasksResponseSchema } from '@samrad/shared/contracts';
import { LANGUAGE_STORAGE_KEY, setLanguage } from '../../i18n/index.js';
import { json } from '../../testing/contracts.js';
import { ME, renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

const TASKS = { openRounds: [], meetings: [], decisions: [], followUps: [], unreadNotifications: 0 };
const ADMIN = { ...ME, roles: ['admin' as const, 'case_officer' as const, 'member' as const] };

function loggedIn(me: typeof ME = ME) {
  server.use(
    http.get('/api/auth/me', () => json(meResponseSchema, me)),
    http.get('/api/me/tasks', () => json(tasksResponseSchema, TASKS)),
    http.get('/api/mandates', () => HttpResponse.json({ mandates: [] })),
  );
}

afterEach(async () => {
  localStorage.removeItem(LANGUAGE_STORAGE_KEY);
  await setLanguage('nb');
  localStorage.removeItem(LANGUAGE_STORAGE_KEY);
});

describe('the language switch', () => {
  it('switches the page to nynorsk: <html lang>, the headings, and the choice kept on the profile', async () => {
    loggedIn();
    let patched: unknown;
    server.use(
      http.patch('/api/auth/me', async ({ request }) => {
        patched = await request.json();
        return json(meResponseSchema, { ...ME, language: 'nn', version: 2 });
      }),
    );
    renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'Mine oppgaver' });
    expect(document.documentElement.lang).toBe('nb');
    const select = screen.getByRole('combobox', { name: 'Språk' });
    // Each language is named in itself, and marked as that language.
    expect([...(select as HTMLSelectElement).options].map((o) => [o.value, o.textContent, o.lang])).toEqual([
      ['nb', 'Bokmål', 'nb'],
      ['nn', 'Nynorsk', 'nn'],
      ['en', 'English', 'en'],
    ]);

    await userEvent.selectOptions(select, 'nn');
    await screen.findByRole('heading', { level: 1, name: 'Mine oppgåver' });
    expect(document.documentElement.lang).toBe('nn');
    expect(screen.getByRole('link', { name: 'Mine oppgåver' })).toBeTruthy();
    await waitFor(() => expect(patched).toEqual({ version: 1, language: 'nn' }));

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Språk' }), 'en');
    await screen.findByRole('heading', { level: 1, name: 'My tasks' });
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('combobox', { name: 'Language' })).toHaveProperty('value', 'en');
  });

  it("opens in the person's own language, else in the municipality's målform", async () => {
    loggedIn({ ...ME, language: 'en' });
    const first = renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'My tasks' });
    expect(document.documentElement.lang).toBe('en');
    first.unmount();

    await setLanguage('nb');
    loggedIn({ ...ME, language: null, municipality: { ...ME.municipality, languageForm: 'nn' } });
    renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'Mine oppgåver' });
    expect(document.documentElement.lang).toBe('nn');
  });

  it('before log-in the browser remembers the choice, and the contract’s messages follow it', async () => {
    server.use(http.get('/api/auth/me', () => HttpResponse.json({ message: 'Du må logge inn' }, { status: 401 })));
    renderRoute('/logg-inn');
    await screen.findByRole('heading', { level: 1, name: 'Logg inn i Samråd' });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Språk' }), 'en');
    await screen.findByRole('heading', { level: 1, name: 'Log in to Samråd' });
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByRole('link', { name: 'Enter a valid e-mail address' })).toHaveProperty('hash', '#login-email');
  });
});

describe('a choice made before log-in', () => {
  it('carries over to the profile of a person who has none', async () => {
    await setLanguage('en', { remember: true });
    loggedIn();
    let patched: unknown;
    server.use(
      http.patch('/api/auth/me', async ({ request }) => {
        patched = await request.json();
        return json(meResponseSchema, { ...ME, language: 'en', version: 2 });
      }),
    );
    renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'My tasks' });
    await waitFor(() => expect(patched).toEqual({ version: 1, language: 'en' }));
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('the municipality page', () => {
  it('lets an administrator choose the målform, and reads «me» afresh', async () => {
    loggedIn(ADMIN);
    let sent: unknown;
    server.use(
      http.put('/api/municipality/language-form', async ({ request }) => {
        sent = await request.json();
        return json(municipalityResponseSchema, { id: 'm1', name: 'Solvik kommune', languageForm: 'nn' });
      }),
    );
    renderRoute('/kommune');
    await screen.findByRole('heading', { level: 1, name: 'Solvik kommune' });
    expect(screen.getByRole('radio', { name: 'Bokmål' })).toHaveProperty('checked', true);
    server.use(
      http.get('/api/auth/me', () => json(meResponseSchema, { ...ADMIN, municipality: { ...ADMIN.municipality, languageForm: 'nn' } })),
    );
    await userEvent.click(screen.getByRole('radio', { name: 'Nynorsk' }));
    await userEvent.click(screen.getByRole('button', { name: 'Lagre målformen' }));
    await waitFor(() => expect(sent).toEqual({ languageForm: 'nn' }));
    // The administrator follows the målform: the page turns to nynorsk.
    await screen.findByRole('button', { name: 'Lagre målforma' });
    expect(document.documentElement.lang).toBe('nn');
  });

  it('is in the administrator’s menu only', async () => {
    loggedIn();
    renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'Mine oppgaver' });
    expect(screen.queryByRole('link', { name: 'Kommunen' })).toBeNull();
  });
});
