// Dates in the demo pages, relative to the moment a page is served.
//
// The demo shows deadlines that matter *now* (a ship-by date of today, a message unanswered for
// 14 hours), so its pages carry tokens instead of fixed dates:
//
//   {{date:<offset>:<format>}} or {{date:<offset>:<format>:<IANA zone>}}
//
// offset: +0d, -1d, +3d (calendar days in the zone), -2h, -14h (hours); format: see FORMATS; the
// zone defaults to the format's marketplace (en: America/Los_Angeles, ja: Asia/Tokyo). The demo
// server fills them with the real clock; the unit tests with a fixed one (test/helpers.ts).

const DEFAULT_ZONE = { en: 'America/Los_Angeles', ja: 'Asia/Tokyo' };

function parts(instant, timeZone) {
  const values = {};
  for (const { type, value } of new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    weekday: 'short',
    hour: 'numeric',
    minute: '2-digit',
    hour12: true,
    timeZoneName: 'short',
  }).formatToParts(instant)) {
    values[type] = value;
  }
  return values;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const JA_WEEKDAY = { Sun: '日', Mon: '月', Tue: '火', Wed: '水', Thu: '木', Fri: '金', Sat: '土' };

/** The demo's date formats, as the pages' headers describe them (wording assumed, see headers). */
const FORMATS = {
  'en-day': (p) => `${p.weekday}, ${MONTHS[p.month - 1]} ${p.day}, ${p.year}`, // Mon, Nov 23, 2026
  'en-md': (p) => `${MONTHS[p.month - 1]} ${p.day}`, // Nov 23
  'en-mdy': (p) => `${MONTHS[p.month - 1]} ${p.day}, ${p.year}`, // Nov 23, 2026
  'en-num': (p) => `${p.month}/${p.day}/${p.year}`, // 11/21/2026
  'en-time': (p) => `${MONTHS[p.month - 1]} ${p.day}, ${p.year}, ${p.hour}:${p.minute} ${p.dayPeriod}${/^[A-Z]{3,4}$/.test(p.timeZoneName) ? ` ${p.timeZoneName}` : ''}`,
  'ja-day': (p) => `${p.year}年${p.month}月${p.day}日(${JA_WEEKDAY[p.weekday]})`, // 2026年11月23日(月)
  'ja-md': (p) => `${p.month}月${p.day}日`,
  'ja-num': (p) => `${p.year}/${p.month}/${p.day}`,
  'en-wtime': (p) => `${p.weekday}, ${MONTHS[p.month - 1]} ${p.day}, ${p.year}, ${p.hour}:${p.minute} ${p.dayPeriod}${/^[A-Z]{3,4}$/.test(p.timeZoneName) ? ` ${p.timeZoneName}` : ''}`,
  'ja-time': (p) => `${p.year}年${p.month}月${p.day}日 ${p.hour24}:${p.minute} JST`,
};

function shifted(now, offset) {
  const match = /^([+-]\d+)([dh])$/.exec(offset);
  if (!match) throw new Error(`demo date: bad offset "${offset}"`);
  const amount = Number(match[1]);
  // Days move by calendar day at the same wall-clock time (24 h is close enough away from DST nights).
  return new Date(now.getTime() + amount * (match[2] === 'd' ? 86_400_000 : 3_600_000));
}

/** Epoch ms of local midnight of a calendar day in a zone. */
function zonedMidnight(year, month, day, timeZone) {
  let guess = Date.UTC(year, month - 1, day);
  for (let i = 0; i < 3; i++) {
    const p = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(guess);
    const get = (type) => Number(p.find((x) => x.type === type).value);
    const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
    guess -= local - Date.UTC(year, month - 1, day);
  }
  return guess;
}

export function fillDemoDates(html, now = new Date()) {
  html = html.replace(/\{\{epoch:([^:}]+):(start|end|now)(?::([^}]+))?\}\}/g, (_whole, offset, which, zone) => {
    const timeZone = zone ?? DEFAULT_ZONE.en;
    const at = shifted(now, offset);
    if (which === 'now') return String(Math.floor(at.getTime() / 1000));
    const p = parts(at, timeZone);
    const start = zonedMidnight(Number(p.year), Number(p.month), Number(p.day), timeZone);
    if (which === 'start') return String(start / 1000);
    const next = parts(new Date(start + 36 * 3_600_000), timeZone);
    return String(zonedMidnight(Number(next.year), Number(next.month), Number(next.day), timeZone) / 1000 - 1);
  });
  return html.replace(/\{\{date:([^:}]+):([^:}]+)(?::([^}]+))?\}\}/g, (_whole, offset, format, zone) => {
    const render = FORMATS[format];
    if (!render) throw new Error(`demo date: unknown format "${format}"`);
    const timeZone = zone ?? DEFAULT_ZONE[format.slice(0, 2)];
    const p = parts(shifted(now, offset), timeZone);
    const hour24 = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(shifted(now, offset));
    return render({ ...p, month: Number(p.month), day: Number(p.day), hour24: Number(hour24) });
  });
}
