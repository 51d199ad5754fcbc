/**
 * `Object.defineProperty` with an accessor whose descriptor has no prototype:
 * descriptors are read with inherited keys included, so a `value` or
 * `writable` some other script added to `Object.prototype` would otherwise
 * make every definition throw.
 * https://tc39.es/ecma262/#sec-topropertydescriptor
 */
export function defineAccessor(
  target: object,
  name: string,
  get: () => unknown,
  set: ((value: unknown) => void) | undefined,
  enumerable: boolean,
): void {
  const descriptor = Object.create(null) as PropertyDescriptor;
  descriptor.configurable = true;
  descriptor.enumerable = enumerable;
  descriptor.get = get;
  descriptor.set = set;
  Object.defineProperty(target, name, descriptor);
}
