// Writes docs/events.md from the mapping tables (npm run generate).
import { writeFileSync } from 'node:fs';
import { importTs } from './importTs.mjs';

const { renderEventsDoc } = await importTs('scripts/eventsDoc.ts');
writeFileSync('docs/events.md', renderEventsDoc());
console.log('docs/events.md written');
