// Writes data/citations/time-mirrors.json: for every source whose address is an unauthorised copy of the
// Time archive (…/txt/time/TimeYYYY/YYYY-MM-DD/ID.html), the same article cited as the work itself: Time,
// its title and the date of the issue, which the copy's address gives. The copy's address is not kept.
// Usage: node scripts/citations/time-mirrors.mjs
import { renameSync, writeFileSync } from 'node:fs';
import { dataPath, readRecordEpisodes } from '../data-files.mjs';

const COPY = /^https?:\/\/[^/]+\/txt\/time\/Time\d{4}\/(\d{4})-(\d\d)-(\d\d)\/\d+\.html$/;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const changes = [];
for (const e of readRecordEpisodes())
  e.sources.forEach((s, index) => {
    const m = COPY.exec(s.url ?? '');
    if (m === null) return;
    const [, year, month, day] = m;
    const { url: _copy, container: _where, ...rest } = s;
    changes.push({
      id: e.id,
      index,
      url: s.url,
      action: 'replace',
      source: {
        ...rest,
        year: Number(year),
        container: 'Time',
        page: `issue of ${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`,
      },
      reason:
        "the address is a copy of Time's archive; the article is cited by its title and the issue's date",
    });
  });
const path = dataPath('citations/time-mirrors.json');
writeFileSync(`${path}.tmp`, `${JSON.stringify(changes, null, 1)}\n`);
renameSync(`${path}.tmp`, path);
console.log(`time-mirrors: ${changes.length} sources`);
