/**
 * What the core lends the vendor plugin files (dist/vendors/<vendor>.js):
 * the helpers every adapter uses, so that each plugin file carries only its
 * vendor. build.mjs turns a plugin's import of one of these modules into a
 * read of this object, which the core hands each plugin when it runs it; a
 * module is lent only when the core contains it anyway, and only whole.
 * The extensions object is one per page, whichever file reads it.
 */
import { extensions } from './extensions';
import { guard } from './guard';
import { defineAccessor } from '../lib/defineAccessor';
import { hasOwn } from '../lib/hasOwn';
import { hookCallback } from '../lib/hookCallback';
import { HOOKED, hookProperty } from '../lib/hookProperty';
import { isEmailAddress } from '../lib/isEmailAddress';
import { isEmailShaped } from '../lib/isEmailShaped';
import { isRecord } from '../lib/isRecord';
import { hasContactMark, looksPersonal } from '../lib/looksPersonal';
import { normalizeEmail } from '../lib/normalizeEmail';
import { ownValue } from '../lib/ownValue';
import { toId } from '../lib/toId';
import { MAX_LIST_LENGTH, uniqueList } from '../lib/uniqueList';

export const KIT = {
  extensions,
  guard,
  defineAccessor,
  hasOwn,
  hookCallback,
  HOOKED,
  hookProperty,
  isEmailAddress,
  isEmailShaped,
  isRecord,
  hasContactMark,
  looksPersonal,
  normalizeEmail,
  ownValue,
  toId,
  MAX_LIST_LENGTH,
  uniqueList,
};

/** The kit, as a plugin file receives it. */
export type Kit = typeof KIT;
