/**
 * Countries by name, for what is said in messages (foreign-redirect, DOMAIN.md case 5) and what an
 * address says (lib/guidance: a destination that does not fit the marketplace). Names are
 * normalised as lib/classify/normalize.ts does (lower case, no diacritics, NFKC).
 */

/** Country names (normalised) in the six languages, for foreign-redirect (DOMAIN case 5). */
export const COUNTRIES: Readonly<Record<string, readonly string[]>> = {
  ID: ['indonesia', 'indonesien', 'indonesie', 'インドネシア', 'jakarta', 'ジャカルタ', 'bali', 'バリ島'],
  MY: ['malaysia', 'malaysien', 'malaisie', 'malasia', 'マレーシア'],
  PH: ['philippines', 'philippinen', 'filipinas', 'filippine', 'フィリピン'],
  SG: ['singapore', 'singapur', 'singapour', 'シンガポール'],
  TH: ['thailand', 'thailande', 'tailandia', 'thailandia', 'タイ王国'],
  VN: ['vietnam', 'viet nam', 'ベトナム'],
  IN: ['india', 'indien', 'inde', 'インドに'],
  CN: ['china', 'chine', 'cina', '中国'],
  HK: ['hong kong', 'hongkong', '香港'],
  TW: ['taiwan', '台湾'],
  KR: ['south korea', 'korea', 'coree', 'corea', 'sudkorea', '韓国'],
  NG: ['nigeria', 'ナイジェリア'],
  GH: ['ghana', 'ガーナ'],
  RU: ['russia', 'russland', 'russie', 'rusia', 'ロシア'],
  UA: ['ukraine', 'ucraina', 'ucrania', 'ウクライナ'],
  TR: ['turkey', 'turkei', 'turquie', 'turchia', 'turquia', 'トルコ'],
  AE: ['dubai', 'united arab emirates', 'emirats arabes unis', 'ドバイ'],
  BR: ['brazil', 'brasilien', 'bresil', 'brasile', 'brasil', 'ブラジル'],
  MX: ['mexico', 'mexiko', 'mexique', 'messico', 'メキシコ'],
  CA: ['canada', 'kanada', 'canada', 'カナダ'],
  US: ['united states', 'usa', 'u.s.a', 'america', 'vereinigte staaten', 'etats-unis', 'stati uniti', 'estados unidos', 'アメリカ', '米国'],
  GB: ['united kingdom', 'england', 'great britain', 'grossbritannien', 'royaume-uni', 'angleterre', 'regno unito', 'inghilterra', 'reino unido', 'inglaterra', 'イギリス', '英国'],
  DE: ['germany', 'deutschland', 'allemagne', 'germania', 'alemania', 'ドイツ'],
  FR: ['france', 'frankreich', 'francia', 'フランス'],
  IT: ['italy', 'italien', 'italie', 'italia', 'イタリア'],
  ES: ['spain', 'spanien', 'espagne', 'spagna', 'espana', 'スペイン'],
  NL: ['netherlands', 'niederlande', 'pays-bas', 'paesi bassi', 'paises bajos', 'holland', 'オランダ'],
  BE: ['belgium', 'belgien', 'belgique', 'belgio', 'belgica', 'ベルギー'],
  AT: ['austria', 'osterreich', 'autriche', 'オーストリア'],
  CH: ['switzerland', 'schweiz', 'suisse', 'svizzera', 'suiza', 'スイス'],
  PL: ['poland', 'polen', 'pologne', 'polonia', 'ポーランド'],
  PT: ['portugal', 'portogallo', 'ポルトガル'],
  AU: ['australia', 'australien', 'australie', 'オーストラリア'],
  JP: ['japan', 'japon', 'giappone', '日本国'],
};

/** The country of each marketplace (DESIGN.md marketplaces; UK is GB in ISO). */
export const MARKETPLACE_COUNTRY: Readonly<Record<string, string>> = {
  US: 'US',
  CA: 'CA',
  MX: 'MX',
  UK: 'GB',
  GB: 'GB',
  DE: 'DE',
  FR: 'FR',
  IT: 'IT',
  ES: 'ES',
  JP: 'JP',
};

/** Where each marketplace's orders are expected to go (ISO codes). EU marketplaces ship across Europe. */
const EUROPE = ['GB', 'DE', 'FR', 'IT', 'ES', 'NL', 'BE', 'AT', 'CH', 'PL', 'PT'] as const;
export const MARKETPLACE_DESTINATIONS: Readonly<Record<string, readonly string[]>> = {
  US: ['US'],
  CA: ['CA'],
  MX: ['MX'],
  JP: ['JP'],
  UK: EUROPE,
  DE: EUROPE,
  FR: EUROPE,
  IT: EUROPE,
  ES: EUROPE,
};
