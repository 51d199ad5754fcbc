/**
 * Writes the push builder of a build as one object literal over its schema
 * keys (see PushBuilder in src/core/buildPush.ts): the source of an arrow
 * function `(event, params) => push` using `v` (toParamValue) and `capParams`.
 * build.mjs puts it in every classic-script entry; a unit test proves it
 * builds exactly what the generic buildPush builds.
 */
export function renderPushBuilder(keys: readonly string[]): string {
  const fields = keys.map((key) => {
    if (!/^[A-Za-z_$][\w$]*$/.test(key)) throw new Error('schema key is not an identifier: ' + key);
    const value = key == 'event' ? 'e' : key == 'user_data' ? 'p.user_data' : key == 'widget_schema' ? 'S' : `v(p.${key})`;
    return `${key}: ${value}`;
  });
  return `(e, p) => capParams({ ${fields.join(', ')} })`;
}
