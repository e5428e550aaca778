import { defineConfig } from 'wxt';

// Manifest kept to what the product needs: storage, alarms (urgency deadlines), and host access to Seller Central only
// (declared by the content script's matches). test/manifest and e2e/manifest.test.ts hold it there.
export default defineConfig({
  // No browser-API polyfill: both builds are MV3, whose chrome.* and browser.* APIs return
  // promises; wxt/browser hands over whichever the browser has (saves ~6 KB gzipped per script).
  // Everything is imported explicitly, so a reader can follow every name to its module.
  imports: false,
  // Manifest V3 in both browsers: Firefox runs the same main-world page reader as Chrome
  // (world: "MAIN" since Firefox 128; strict_min_version is 140).
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms'],
    action: { default_title: '__MSG_actionTitle__' },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'seller-sidekick@seller-sidekick.app',
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        // data_collection_permissions needs Firefox 140 (desktop) and 142 (Android).
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: ['e2e/**', 'demo-output/**', 'test/**', 'test-results/**', '.ci/**'],
  },
});
