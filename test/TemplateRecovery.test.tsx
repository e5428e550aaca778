// Templates that could not be read are shown to the seller on the options page, each backup with
// when it was made and what it holds, and a Restore button that brings it back.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TemplateRecovery } from '@/components/TemplateEditor';
import { Options } from '@/utils/options/options-page';
import type { TemplateBackup } from '@/lib/storage';
import { toSyncItems, type UserTemplate } from '@/lib/templates/user-templates';
import { tEn, tJa } from './helpers';

afterEach(cleanup);

const mine: UserTemplate = { id: 'thanks', name: 'Thanks for waiting', audience: 'buyer', body: { ja: 'お待たせいたしました。' }, updatedAt: '2026-11-20T00:00:00.000Z' };
const other: UserTemplate = { ...mine, id: 'late', name: 'Sorry it is late' };
const AT = Date.parse('2026-11-22T09:30:00Z');
const backup = (patch: Partial<TemplateBackup> = {}): TemplateBackup => ({
  backupKey: `backup:templates:${AT}`,
  source: 'local',
  at: AT,
  reason: '✖ Too big: expected string to have <=5000 characters\n  → at templates[1].body.en',
  restorable: { version: 1, templates: [mine, other] },
  unreadable: 1,
  ...patch,
});
const formatTime = (at: number) => new Date(at).toISOString();

describe('TemplateRecovery', () => {
  it('says templates were set aside, when, what can be restored and what cannot, and restores on request', async () => {
    const onRestore = vi.fn(async () => 'Restored 2 templates.');
    render(<TemplateRecovery backups={[backup()]} onRestore={onRestore} onDelete={async () => {}} formatTime={formatTime} t={tEn} />);

    expect(screen.getByTestId('recovery-set-aside').textContent).toContain('could not be read and were set aside');
    const item = screen.getByRole('listitem');
    expect(item.textContent).toContain('Set aside from this browser on 2026-11-22T09:30:00.000Z');
    expect(item.textContent).toContain('Can be restored (2): Thanks for waiting, Sorry it is late');
    expect(item.textContent).toContain('Could not be read: 1');
    expect(within(item).getByText(/templates\[1\]\.body\.en/)).toBeTruthy();

    fireEvent.click(within(item).getByRole('button', { name: 'Restore' }));
    expect(onRestore).toHaveBeenCalledWith(`backup:templates:${AT}`);
    await waitFor(() => expect(screen.getByTestId('recovery-status').textContent).toBe('Restored 2 templates.'));
  });

  it('no longer raises the alarm once templates were saved after the backup, but keeps listing it', () => {
    render(<TemplateRecovery backups={[backup()]} savedAt="2026-11-22T10:00:00.000Z" onRestore={async () => ''} onDelete={async () => {}} formatTime={formatTime} t={tEn} />);
    expect(screen.queryByTestId('recovery-set-aside')).toBeNull();
    expect(screen.getByRole('button', { name: 'Restore' })).toBeTruthy();
  });

  it('cannot restore a backup with nothing readable, and deletes one only after confirming', async () => {
    const onDelete = vi.fn(async () => {});
    const confirm = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
    render(
      <TemplateRecovery
        backups={[backup({ restorable: { version: 1, templates: [] }, source: 'sync' })]}
        onRestore={async () => ''}
        onDelete={onDelete}
        confirm={confirm}
        formatTime={formatTime}
        t={tEn}
      />,
    );
    expect(screen.getByRole('listitem').textContent).toContain('Set aside from sync storage');
    expect(screen.getByRole('listitem').textContent).toContain('Nothing in this backup can be restored.');
    expect((screen.getByRole('button', { name: 'Restore' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Delete backup' }));
    expect(onDelete).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Delete backup' }));
    await waitFor(() => expect(onDelete).toHaveBeenCalledWith(`backup:templates:${AT}`));
  });

  it('says so when restoring fails, keeping everything', async () => {
    render(<TemplateRecovery backups={[backup()]} onRestore={() => Promise.reject(new Error('QUOTA_BYTES quota exceeded'))} onDelete={async () => {}} formatTime={formatTime} t={tEn} />);
    fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(screen.getByTestId('recovery-status').textContent).toBe('Nothing was restored: QUOTA_BYTES quota exceeded'));
  });

  it('explains a backup that could not be written, a failed read and a refused sync copy', () => {
    const { rerender } = render(
      <TemplateRecovery
        backups={[]}
        localProblem={{ kind: 'backup-failed', key: 'templates', reason: 'bad body', error: 'QUOTA_BYTES quota exceeded' }}
        syncProblem="the copy does not match its length and checksum"
        onRestore={async () => ''}
        onDelete={async () => {}}
        formatTime={formatTime}
        t={tEn}
      />,
    );
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts).toEqual([
      expect.stringContaining('could not be read (bad body), and no backup of them could be written (QUOTA_BYTES quota exceeded)'),
      expect.stringContaining('was not used: the copy does not match its length and checksum'),
    ]);
    rerender(
      <TemplateRecovery
        backups={[]}
        localProblem={{ kind: 'read-failed', key: 'templates', error: 'IO error' }}
        onRestore={async () => ''}
        onDelete={async () => {}}
        formatTime={formatTime}
        t={tEn}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('could not be read (IO error). Nothing was changed');
  });

  it('shows nothing when there is nothing to say', () => {
    render(<TemplateRecovery backups={[]} onRestore={async () => ''} onDelete={async () => {}} formatTime={formatTime} t={tEn} />);
    expect(screen.queryByTestId('template-recovery')).toBeNull();
  });

  it('speaks Japanese', () => {
    render(<TemplateRecovery backups={[backup()]} onRestore={async () => ''} onDelete={async () => {}} formatTime={formatTime} t={tJa} />);
    expect(screen.getByRole('heading').textContent).toBe('テンプレートのバックアップ');
    expect(screen.getByRole('alert').textContent).toContain('読み取れなかった');
    expect(screen.getByRole('listitem').textContent).toContain('復元できるテンプレート（2 件）：Thanks for waiting, Sorry it is late');
    expect(screen.getByRole('button', { name: '復元' })).toBeTruthy();
  });
});

describe('the options page with unreadable templates', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key, subs) => tEn(key as never, subs === undefined ? undefined : [subs].flat().map(String)));
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en');
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Seller Sidekick', version: '0.1.0' });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });

  it('with no sync copy: shows the set-aside templates instead of a silently empty editor, and Restore brings them back', async () => {
    await fakeBrowser.storage.local.set({ templates: { version: 1, templates: [mine, { ...other, body: { en: 'x'.repeat(6_000) } }] } });
    render(<Options />);

    expect((await screen.findByTestId('recovery-set-aside')).textContent).toContain('set aside');
    await waitFor(() => expect(document.querySelector('[data-backup-key]')?.textContent).toContain('Can be restored (1): Thanks for waiting'));
    expect(document.querySelector('[data-user-template-id]')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(screen.getByTestId('recovery-status').textContent).toBe('Restored 1 templates.'));
    await waitFor(() => expect(document.querySelector('[data-user-template-id="thanks"]')?.textContent).toContain('Thanks for waiting'));
    expect(screen.queryByTestId('recovery-set-aside')).toBeNull();
    expect(((await fakeBrowser.storage.local.get('templates')).templates as { templates: UserTemplate[] }).templates).toEqual([mine]);
  });

  it('says why a damaged sync copy was not used', async () => {
    const split = toSyncItems({ version: 1, savedAt: '2026-11-23T00:00:00.000Z', templates: [mine] });
    if (!split.ok) throw new Error(split.reason);
    await fakeBrowser.storage.local.set({ templates: { version: 1, savedAt: '2026-11-21T00:00:00.000Z', templates: [other] } });
    await fakeBrowser.storage.sync.set({ ...split.items, 'templates:0': split.items['templates:0']!.replace('お', '\ufffd') });
    render(<Options />);
    expect((await screen.findByTestId('recovery-sync')).textContent).toContain('does not match its length and checksum');
    await waitFor(() => expect(document.querySelector('[data-user-template-id="late"]')).not.toBeNull());
  });
});
