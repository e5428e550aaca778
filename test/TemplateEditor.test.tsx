import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TemplateEditor } from '@/components/TemplateEditor';
import { EMPTY_COLLECTION, exportCollection, type TemplateCollection } from '@/lib/templates/user-templates';
import { tEn, tJa } from './helpers';

afterEach(cleanup);

const NOW = '2026-11-22T12:00:00.000Z';

function renderEditor(collection: TemplateCollection = EMPTY_COLLECTION, t = tEn) {
  const onSave = vi.fn(async (_next: TemplateCollection) => 'Saved.');
  const onExport = vi.fn();
  const view = render(<TemplateEditor collection={collection} onSave={onSave} onExport={onExport} now={() => NOW} t={t} />);
  return { onSave, onExport, ...view };
}

describe('TemplateEditor', () => {
  it('lists every built-in template and previews it with sample values', () => {
    renderEditor();
    const list = screen.getByRole('list', { name: 'Reply templates' });
    expect(within(list).getAllByRole('button')).toHaveLength(18);
    expect(screen.getByTestId('editor-preview').textContent).toContain('Jane Miller 様');
    fireEvent.click(within(screen.getByRole('group', { name: 'Reply language' })).getByRole('button', { name: 'German' }));
    expect(screen.getByTestId('editor-preview').textContent).toContain('Guten Tag Jane Miller');
  });

  it("saves an edit of a built-in template as the seller's version, and can reset it", async () => {
    const { onSave, rerender } = renderEditor();
    fireEvent.click(within(screen.getByRole('group', { name: 'Reply language' })).getByRole('button', { name: 'English' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Text (English)' }), { target: { value: 'Hi {buyerName}, use Your Orders for order {orderId}.' } });
    expect(screen.getByTestId('editor-preview').textContent).toBe('Hi Jane Miller, use Your Orders for order 114-3941689-8772232.');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledOnce());
    const saved = onSave.mock.calls[0]![0];
    expect(saved.templates).toHaveLength(1);
    expect(saved.templates[0]).toMatchObject({ replaces: 'cancel-how-to-request', body: { en: 'Hi {buyerName}, use Your Orders for order {orderId}.' } });
    rerender(<TemplateEditor collection={saved} onSave={onSave} onExport={() => {}} now={() => NOW} t={tEn} />);
    fireEvent.click(screen.getByRole('button', { name: 'Reset to built-in' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(2));
    expect(onSave.mock.calls[1]![0].templates).toEqual([]);
  });

  it('flags unknown variables and messaging-rule problems while editing', () => {
    renderEditor();
    fireEvent.input(screen.getByRole('textbox', { name: /Text/ }), { target: { value: '{buyerNmae} mail me at shop@example.com 😊' } });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Unknown variable {buyerNmae}');
    expect([...alert.querySelectorAll('[data-guard-rule]')].map((li) => li.getAttribute('data-guard-rule'))).toEqual(['email-address', 'emoji']);
  });

  it("adds, duplicates and deletes the seller's own templates", async () => {
    const { onSave } = renderEditor();
    fireEvent.click(screen.getByRole('button', { name: 'New template' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledOnce());
    expect(onSave.mock.calls[0]![0].templates[0]).toMatchObject({ id: 'mine-1', name: 'My template', body: {} });
    cleanup();
    const mine: TemplateCollection = { version: 1, templates: [{ id: 'mine-1', name: 'Thanks', audience: 'buyer', body: { en: 'Thanks!' }, updatedAt: NOW }] };
    const second = renderEditor(mine);
    fireEvent.click(screen.getByRole('button', { name: /Thanks/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Duplicate' }));
    await waitFor(() => expect(second.onSave).toHaveBeenCalledOnce());
    expect(second.onSave.mock.calls[0]![0].templates.map((t) => `${t.id}:${t.name}`)).toEqual(['mine-1:Thanks', 'mine-2:Copy of Thanks']);
    cleanup();
    const third = renderEditor(mine);
    fireEvent.click(screen.getByRole('button', { name: /Thanks/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(third.onSave).toHaveBeenCalledOnce());
    expect(third.onSave.mock.calls[0]![0].templates).toEqual([]);
  });

  it('imports a good file (merge) and refuses a bad one without changing anything', async () => {
    const { onSave } = renderEditor();
    const input = screen.getByLabelText('Import from a file') as HTMLInputElement;
    const bad = new File(['{"version":1,"templates":[{"id":"<script>"}]}'], 'bad.json', { type: 'application/json' });
    fireEvent.change(input, { target: { files: [bad] } });
    await waitFor(() => expect(screen.getByTestId('editor-status').textContent).toMatch(/^Nothing was imported: /));
    expect(onSave).not.toHaveBeenCalled();
    const good = new File([exportCollection({ version: 1, templates: [{ id: 'mine-7', name: 'Seven', audience: 'buyer', body: { ja: 'ありがとうございます' }, updatedAt: NOW }] })], 'good.json');
    fireEvent.change(input, { target: { files: [good] } });
    await waitFor(() => expect(onSave).toHaveBeenCalledOnce());
    expect(onSave.mock.calls[0]![0].templates.map((t) => t.id)).toEqual(['mine-7']);
    await waitFor(() => expect(screen.getByTestId('editor-status').textContent).toBe('Imported 1 templates.'));
  });

  it('exports on request, and speaks Japanese', () => {
    const { onExport } = renderEditor(EMPTY_COLLECTION, tJa);
    fireEvent.click(screen.getByRole('button', { name: 'ファイルに書き出す' }));
    expect(onExport).toHaveBeenCalledOnce();
    expect(screen.getByRole('heading', { name: '返信テンプレート' })).toBeTruthy();
  });
});
