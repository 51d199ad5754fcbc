/**
 * Puts a plain, writable data property back in place of an accessor, with a
 * prototype-free descriptor (see defineAccessor for why).
 */
export function defineValue(target: object, name: string, value: unknown, enumerable: boolean): void {
  const descriptor = Object.create(null) as PropertyDescriptor;
  descriptor.configurable = true;
  descriptor.enumerable = enumerable;
  descriptor.writable = true;
  descriptor.value = value;
  Object.defineProperty(target, name, descriptor);
}
