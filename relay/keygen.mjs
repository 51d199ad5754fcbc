// Prints a new token key entry for RELAY_TOKEN_KEYS: `<id>:<32 random bytes, base64url>`.
// Rotation: put the new entry first (it seals new tokens) and keep the old ones until their tokens expire.
import { randomBytes } from 'node:crypto';

const id = 'k' + new Date().toISOString().slice(0, 10).replace(/-/g, '');
console.log(id + ':' + randomBytes(32).toString('base64url'));
