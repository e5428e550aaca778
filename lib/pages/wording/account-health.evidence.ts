/** The evidence and examples of the Account Health dashboard's words (account-health.ts), by entry id: see evidence.ts. */
import type { EvidenceOf } from './evidence';
import type * as accountHealth from './account-health';

export const ACCOUNT_HEALTH_EVIDENCE = {
  METRIC_COUNTS: {
    en: {
      languages: ['en'],
      evidence: 'B: "X of Y" orders in .a-size-small (§5, get_account_health.js); "out of" and "X / Y": no source recorded',
      matches: { en: ['3 of 402 orders', '3 out of 402', '3 / 402'] },
      rejects: ['0.75%'],
    },
    ja: {
      languages: ['ja'],
      evidence: 'ASSUMED: the 「402件中1件」 wording of counts (demo/pages/ja/account-health.html; JP texts unverified, §5)',
      matches: { ja: ['402件中1件', '1,204 件中 3 件'] },
    },
  },
} satisfies EvidenceOf<typeof accountHealth>;
