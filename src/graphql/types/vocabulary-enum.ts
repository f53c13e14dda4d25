import { registerEnumType } from 'type-graphql';

/**
 * A GraphQL enum made from a vocabulary of domain/: each value's GraphQL name is its UPPER_CASE form
 * (`upload.download_refused` → `UPLOAD_DOWNLOAD_REFUSED`) and its runtime value the domain's own
 * string, so resolvers pass domain values through unchanged and the two lists can never differ.
 */
export function vocabularyEnum<const V extends string>(
  values: readonly V[],
  config: { name: string; description: string; valueDescriptions?: Record<V, string> },
): Record<string, V> {
  const graphqlName = (value: string) => value.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  const enumObject = Object.fromEntries(values.map((value) => [graphqlName(value), value])) as Record<string, V>;
  const descriptions = config.valueDescriptions;
  registerEnumType(enumObject, {
    name: config.name,
    description: config.description,
    ...(descriptions
      ? { valuesConfig: Object.fromEntries(values.map((value) => [graphqlName(value), { description: descriptions[value] }])) }
      : {}),
  });
  return enumObject;
}
