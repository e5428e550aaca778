/** The extension's mark: a shield with a check, drawn inline so it needs no resource request. */
export function Logo({ size }: { readonly size: number }) {
  return (
    <svg class="sidekick-logo" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <path d="M16 2 4 6.5v8.2C4 22.3 9.1 28.4 16 30c6.9-1.6 12-7.7 12-15.3V6.5Z" fill="#E8710A" />
      <path d="m10 16.2 4.2 4.2L22.5 12" fill="none" stroke="#fff" stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}
