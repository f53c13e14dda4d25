import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType, type GraphQLSchema } from 'graphql';

/**
 * How many items each introspection list can really return in this schema: `__schema.types` the
 * number of types, `__Type.fields` the most fields any type has, and so on. Introspection needs no
 * key, and costed as one item per list, a document aliasing `__Type.fields` thousands of times passed
 * the limit and answered megabytes; costed at the schema's real counts it pays for what it can return.
 */
export function introspectionListSizes(schema: GraphQLSchema): Record<string, number> {
  const types = Object.values(schema.getTypeMap());
  const directives = schema.getDirectives();
  const most = (counts: number[]) => Math.max(1, ...counts);
  const fieldsOf = types.flatMap((type) => (isObjectType(type) || isInterfaceType(type) ? [Object.values(type.getFields())] : []));
  return {
    '__Schema.types': types.length,
    '__Schema.directives': directives.length,
    '__Type.fields': most(fieldsOf.map((fields) => fields.length)),
    '__Type.inputFields': most(types.map((type) => (isInputObjectType(type) ? Object.keys(type.getFields()).length : 0))),
    '__Type.enumValues': most(types.map((type) => (isEnumType(type) ? type.getValues().length : 0))),
    '__Type.interfaces': most(types.map((type) => (isObjectType(type) || isInterfaceType(type) ? type.getInterfaces().length : 0))),
    '__Type.possibleTypes': most(types.map((type) => (isUnionType(type) ? type.getTypes().length : isInterfaceType(type) ? schema.getPossibleTypes(type).length : 0))),
    '__Field.args': most(fieldsOf.flat().map((field) => field.args.length)),
    '__Directive.args': most(directives.map((directive) => directive.args.length)),
  };
}
