import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { requestResetSchema } from '@samrad/shared/contracts';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api.js';
import { useContractForm } from './useContractForm.js';

function ResetForm({ submit, onStale = false }: { submit: (data: { email: string }) => Promise<unknown>; onStale?: boolean }) {
  const form = useContractForm({
    fieldIds: { email: 'email' },
    fallbackPath: 'email',
    schema: requestResetSchema,
    values: (f) => ({ email: f.get('email') }),
    submit,
    onStale,
  });
  return (
    <>
      {form.summary}
      {form.stale && <p role="alert">{`stale: ${JSON.stringify(form.stale.current)}`}</p>}
      {form.done && <p role="status">done</p>}
      <form onSubmit={form.onSubmit} noValidate>
        <label htmlFor="email">E-post</label>
        <input id="email" name="email" aria-invalid={!!form.error('email')} />
        <span>{form.error('email')}</span>
        <button type="submit" disabled={form.pending}>
          Send
        </button>
      </form>
    </>
  );
}

describe('useContractForm', () => {
  it('checks the contract before sending: its Norwegian message in a focused summary linked to the field', async () => {
    const submit = vi.fn(() => Promise.resolve());
    render(<ResetForm submit={submit} />);
    await userEvent.type(screen.getByLabelText('E-post'), 'ikke-en-adresse');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    const link = await screen.findByRole('link');
    expect(link.getAttribute('href')).toBe('#email');
    await waitFor(() => expect(document.activeElement?.contains(link)).toBe(true));
    expect(screen.getByLabelText('E-post').getAttribute('aria-invalid')).toBe('true');
    expect(submit).not.toHaveBeenCalled();
  });

  it('sends the parsed request, and puts the server’s field errors (400) on the fields', async () => {
    const submit = vi.fn(() => Promise.reject(new ApiError(400, 'x', [{ path: 'email', message: 'Adressen er stengt' }])));
    render(<ResetForm submit={submit} />);
    await userEvent.type(screen.getByLabelText('E-post'), 'a@b.no');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('link', { name: 'Adressen er stengt' })).toBeTruthy();
    expect(submit).toHaveBeenCalledWith({ email: 'a@b.no' }, expect.anything());
  });

  it('shows an error without a field on the fallback field, and clears the errors once it succeeds', async () => {
    let fail = true;
    const submit = vi.fn(() => (fail ? Promise.reject(new ApiError(0, 'Får ikke kontakt med Samråd.')) : Promise.resolve()));
    render(<ResetForm submit={submit} />);
    await userEvent.type(screen.getByLabelText('E-post'), 'a@b.no');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('link', { name: 'Får ikke kontakt med Samråd.' })).toBeTruthy();
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('status')).toBeTruthy();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('a stale edit (409) is the form’s own message with the current record, where the form handles one', async () => {
    const submit = vi.fn(() => Promise.reject(new ApiError(409, 'Noen andre har endret dette', [], { version: 4 })));
    render(<ResetForm submit={submit} onStale />);
    await userEvent.type(screen.getByLabelText('E-post'), 'a@b.no');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect((await screen.findByRole('alert')).textContent).toBe('stale: {"version":4}');
    expect(screen.queryByRole('link')).toBeNull();
  });
});
