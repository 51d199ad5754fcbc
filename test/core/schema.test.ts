import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { MAX_PARAM_NAME_LENGTH, RESERVED_PREFIXES } from '../../src/core/ga4';
import { STAGES, Stage } from '../../src/core/schema';
import { ADAPTERS, SCHEMA_KEYS, VENDORS } from '../../src/vendors/registry';

/** GA4's reserved event parameter names (https://support.google.com/analytics/answer/13316687). */
const RESERVED_PARAM_NAMES = ['engagement_time_msec', 'gclid', 'session_id', 'session_number'];

describe('schema', () => {
  it('lists every stage once, and Stage names exactly those', () => {
    expect(new Set(STAGES).size).toBe(STAGES.length);
    expect(Object.values(Stage).sort()).toEqual([...STAGES].sort());
  });

  it('has GA4-valid parameter names for every key', () => {
    for (const key of SCHEMA_KEYS.filter((key: string) => key != 'event')) {
      expect(key.length, key).toBeLessThanOrEqual(MAX_PARAM_NAME_LENGTH);
      expect(key, key).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
      expect(
        RESERVED_PREFIXES.some((prefix) => key.startsWith(prefix)),
        key,
      ).toBe(false);
      expect(RESERVED_PARAM_NAMES, key).not.toContain(key);
    }
  });

  it('prefixes every vendor detail key with widget_', () => {
    const unprefixed = SCHEMA_KEYS.filter((key: string) => !key.startsWith('widget_'));
    expect(unprefixed).toEqual(['event', 'lead_source', 'user_data']);
  });

  it('takes the vendors and their detail keys from the registry, each key once', () => {
    expect(VENDORS).toEqual(ADAPTERS.map((adapter) => adapter.vendor));
    for (const adapter of ADAPTERS) for (const key of adapter.keys) expect(SCHEMA_KEYS).toContain(key);
    expect(new Set(SCHEMA_KEYS).size).toBe(SCHEMA_KEYS.length);
  });

  it('stays within 45 keys over every vendor, so a GA4 property (50 event-scoped custom dimensions) can register any of them', () => {
    // https://support.google.com/analytics/answer/10075209 (custom dimension limits). Every push carries every key.
    expect(SCHEMA_KEYS.length).toBeLessThanOrEqual(45);
    // Positive control: vendors share keys, so the schema is smaller than the sum of their key lists.
    const sum = ADAPTERS.reduce((total, adapter) => total + adapter.keys.length, 0);
    expect(SCHEMA_KEYS.length).toBeLessThan(sum + 10);
  });

  it('describes a key the same way in every vendor’s params.ts that declares it', () => {
    // The typed push merges the vendors' interfaces: one key, one meaning, one description naming each vendor's use.
    const descriptions: Record<string, Record<string, string>> = {};
    for (const adapter of ADAPTERS) {
      const file = `src/vendors/${adapter.vendor}/params.ts`;
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      source.forEachChild((node) => {
        if (!ts.isInterfaceDeclaration(node) || !node.name.text.endsWith('Params')) return;
        for (const member of node.members) {
          const name = member.name && member.name.getText(source);
          const doc = ts
            .getJSDocCommentsAndTags(member)
            .map((tag) => tag.getText(source).replace(/\s*\*\s*/g, ' '))
            .join(' ');
          if (name) (descriptions[name] ||= {})[adapter.vendor] = doc;
        }
      });
    }
    const shared = Object.keys(descriptions).filter((key) => Object.keys(descriptions[key]).length > 1);
    // Control: keys are shared (widget_email_provided by five vendors and more).
    expect(shared).toContain('widget_email_provided');
    for (const key of shared)
      expect(new Set(Object.values(descriptions[key])).size, key + ': ' + JSON.stringify(descriptions[key])).toBe(1);
  });
});
