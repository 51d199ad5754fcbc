import type { OptionField } from '../core/adapter';
import { isOrigin } from './isOrigin';
import { uniqueList } from './uniqueList';

/**
 * The `origins` option of a vendor heard through `message` events: extra exact
 * origins (a custom domain, a self-hosted instance) besides the vendor's own.
 * A malformed entry is left out with a warning, the others kept; the default
 * is none. Why an entry can never match is said where the configuration is
 * written (src/authoring/whyNotOrigin.ts), not on every page.
 */
export function originsOption(): OptionField<string[]> {
  return [
    (value, drop) => uniqueList(value, isOrigin, drop),
    'origins like "https://www.example.com", no path or trailing slash',
    () => [],
  ];
}
