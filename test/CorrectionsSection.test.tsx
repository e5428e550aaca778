// The options page's "Corrections": how many, export, import (a bad file is refused with a clear
// message in the UI language and nothing changes), reset after a confirm.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CorrectionsSection } from '@/components/CorrectionsSection';
import { teach } from '@/lib/classify/classify';
import { emptyLayer, exportLayer, MAX_IMPORT_CHARS, type CorrectionLayer } from '@/lib/classify/corrections';
import { tEn, tJa } from './helpers';

afterEach(cleanup);

function learned(): CorrectionLayer {
  const outcome = teach(emptyLayer(), { body: 'The glaze crawled on the second mug.', sender: 'buyer' }, 'defective');
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.layer;
}

/** Chooses a file with this content in the import input. */
function choose(text: string, size?: number) {
  const input = screen.getByTestId('corrections-import') as HTMLInputElement;
  const file = new File([text], 'corrections.json', { type: 'application/json' });
  if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

const props = (patch: Partial<Parameters<typeof CorrectionsSection>[0]> = {}) => ({
  layer: emptyLayer(),
  onExport: vi.fn(),
  onImport: vi.fn(() => Promise.resolve()),
  onReset: vi.fn(() => Promise.resolve()),
  t: tEn,
  ...patch,
});

describe('CorrectionsSection', () => {
  it('says how many corrections there are, and exports them', () => {
    const layer = learned();
    const p = props({ layer });
    render(<CorrectionsSection {...p} />);
    expect(screen.getByTestId('corrections-count').textContent).toBe(`Corrections learned: 1 (${Object.keys(layer.weights).length} words and n-grams, at most 5000)`);
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    expect(p.onExport).toHaveBeenCalledWith(layer);
  });

  it('is disabled while loading', () => {
    render(<CorrectionsSection {...props({ layer: undefined })} />);
    expect((screen.getByRole('button', { name: 'Export' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('corrections-import') as HTMLInputElement).disabled).toBe(true);
  });

  it('imports a good file and says so', async () => {
    const layer = learned();
    const p = props();
    render(<CorrectionsSection {...p} />);
    choose(exportLayer(layer));
    await waitFor(() => expect(screen.getByTestId('corrections-note').textContent).toBe('Imported: 1 corrections.'));
    expect(p.onImport).toHaveBeenCalledWith(layer);
  });

  it.each([
    ['not JSON', 'hello', /^This file is not JSON \(.+\)\. Nothing was changed\.$/],
    ['another version', '{"version":9,"corrections":0,"weights":{}}', /^This file is from another version of the corrections \(version 9, expected 1\)\. Nothing was changed\.$/],
    ['a cancel-request weight', '{"version":1,"corrections":1,"weights":{"12":{"cancel-request":1}}}', /^This is not a valid corrections file: .+\. Nothing was changed\.$/s],
    ['a weight past the cap', '{"version":1,"corrections":1,"weights":{"12":{"defective":1e999}}}', /^This is not a valid corrections file: .+\. Nothing was changed\.$/s],
    ['NaN', '{"version":1,"corrections":1,"weights":{"12":{"defective":NaN}}}', /^This file is not JSON/],
  ])('refuses %s with a clear message and imports nothing', async (_name, text, expected) => {
    const p = props();
    render(<CorrectionsSection {...p} />);
    choose(text);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(expected));
    expect(p.onImport).not.toHaveBeenCalled();
  });

  it('refuses a file of a million features unread, in Japanese', async () => {
    const p = props({ t: tJa });
    render(<CorrectionsSection {...p} />);
    choose('{}', MAX_IMPORT_CHARS * 4 + 1);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(`修正ファイルとしては大きすぎます（${MAX_IMPORT_CHARS * 4 + 1} bytes）。何も変更していません。`));
    expect(p.onImport).not.toHaveBeenCalled();
  });

  it('says so when the imported layer could not be stored', async () => {
    const p = props({ onImport: vi.fn(() => Promise.reject(new Error('QUOTA_BYTES quota exceeded'))) });
    render(<CorrectionsSection {...p} />);
    choose(exportLayer(learned()));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Could not save the imported corrections: QUOTA_BYTES quota exceeded. Nothing was changed.'));
  });

  it('resets only after the seller confirms', async () => {
    const confirm = vi.fn(() => false);
    const p = props({ layer: learned(), confirm });
    render(<CorrectionsSection {...p} />);
    fireEvent.click(screen.getByRole('button', { name: 'Reset corrections' }));
    expect(confirm).toHaveBeenCalledWith('Forget every correction? Export them first if you may want them back.');
    expect(p.onReset).not.toHaveBeenCalled();
    confirm.mockReturnValue(true);
    fireEvent.click(screen.getByRole('button', { name: 'Reset corrections' }));
    expect(p.onReset).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.getByTestId('corrections-note').textContent).toBe('Corrections reset.'));
  });
});
