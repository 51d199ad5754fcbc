/**
 * The fields of the Community Template, read from its own file (template.tpl,
 * section ___TEMPLATE_PARAMETERS___), so a container can hold a tag of the
 * template wherever the file is at hand: the build, the command line (the
 * package ships template.tpl) and the playground (which fetches it).
 * https://developers.google.com/tag-platform/tag-manager/templates
 */

/** One template field, as the template's parameters section declares it. */
export interface TemplateField {
  type: string;
  name: string;
  defaultValue?: unknown;
  simpleTableColumns?: { name: string }[];
  subParams?: TemplateField[];
}

/** Every field of the template, groups flattened, in the order the template shows them. */
export function templateFields(templateData: string): TemplateField[] {
  const section = templateData.split('___TEMPLATE_PARAMETERS___')[1];
  if (!section) throw new Error('not a GTM template: no ___TEMPLATE_PARAMETERS___ section');
  const flatten = (fields: TemplateField[]): TemplateField[] => fields.flatMap((field) => [field, ...flatten(field.subParams || [])]);
  return flatten(JSON.parse(section.split(/\n___[A-Z_]+___\n/)[0]) as TemplateField[]);
}
