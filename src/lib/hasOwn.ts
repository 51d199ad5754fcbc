/**
 * Own-property test that cannot be fooled by `__proto__`, `constructor` or
 * `toString` arriving as vendor action names, nor by objects that shadow
 * `hasOwnProperty`.
 */
export function hasOwn(object: object, key: string): boolean {
  return {}.hasOwnProperty.call(object, key);
}
