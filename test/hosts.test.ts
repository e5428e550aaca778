import { describe, expect, it } from 'vitest';
import { MARKETPLACES, SELLER_CENTRAL_HOSTS, SELLER_CENTRAL_MATCHES, sellerCentralHost } from '@/lib/hosts';

describe('Seller Central hosts', () => {
  it('covers every host named in the design, and no other', () => {
    expect(SELLER_CENTRAL_HOSTS.map((h) => h.hostname).sort()).toEqual(
      [
        'sellercentral.amazon.com',
        'sellercentral.amazon.co.jp',
        'sellercentral.amazon.co.uk',
        'sellercentral.amazon.de',
        'sellercentral.amazon.fr',
        'sellercentral.amazon.it',
        'sellercentral.amazon.es',
        'sellercentral.amazon.ca',
        'sellercentral.amazon.com.mx',
        'sellercentral-japan.amazon.com',
        'sellercentral-europe.amazon.com',
      ].sort(),
    );
  });

  it('asks for https on exactly those hosts in the manifest matches', () => {
    expect(SELLER_CENTRAL_MATCHES).toHaveLength(SELLER_CENTRAL_HOSTS.length);
    for (const pattern of SELLER_CENTRAL_MATCHES) expect(pattern).toMatch(/^https:\/\/sellercentral[-.a-z]*\.amazon\.[a-z.]+\/\*$/);
  });

  it('names a real marketplace for every marketplace host', () => {
    for (const host of SELLER_CENTRAL_HOSTS) {
      if (host.marketplace) expect(MARKETPLACES[host.marketplace].id).toBe(host.marketplace);
    }
  });

  it('gives every marketplace a valid IANA time zone', () => {
    for (const market of Object.values(MARKETPLACES)) {
      expect(() => new Intl.DateTimeFormat('en', { timeZone: market.timeZone })).not.toThrow();
    }
  });

  it('matches host names case-insensitively and only over https', () => {
    expect(sellerCentralHost(new URL('https://SellerCentral.Amazon.CO.JP/home'))?.marketplace).toBe('JP');
    expect(sellerCentralHost(new URL('http://sellercentral.amazon.co.jp/home'))).toBeUndefined();
  });
});
