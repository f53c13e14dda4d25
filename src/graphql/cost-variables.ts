import { Kind, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';

/**
 * The variables an operation's weighing can depend on: those passed to a page-size argument (the
 * only argument the cost estimator reads) and those of directives (@include, @skip decide which
 * fields are weighed). Every other variable (a workspace id, a cursor) leaves the cost unchanged,
 * so a weighing remembered for these variables' values holds for any values of the others.
 * Sorted, so the same operation always gives the same list.
 */
export function costVariables(operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, pageSizeArgument: string): string[] {
  const names = new Set<string>();
  const seenFragments = new Set<string>();
  const visit = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      for (const directive of selection.directives ?? []) for (const argument of directive.arguments ?? []) collect(argument.value, names);
      if (selection.kind === Kind.FIELD) {
        for (const argument of selection.arguments ?? []) if (argument.name.value === pageSizeArgument) collect(argument.value, names);
        if (selection.selectionSet) visit(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else if (!seenFragments.has(selection.name.value)) {
        seenFragments.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  visit(operation.selectionSet);
  return [...names].sort();
}

function collect(value: ValueNode, names: Set<string>): void {
  if (value.kind === Kind.VARIABLE) names.add(value.name.value);
  else if (value.kind === Kind.LIST) for (const item of value.values) collect(item, names);
  else if (value.kind === Kind.OBJECT) for (const field of value.fields) collect(field.value, names);
}

/**
 * The values of those variables as one key: a present variable as `[value]`, an absent one as `[]`,
 * since an absent variable takes its default and an explicit null does not.
 */
export function costVariablesKey(names: readonly string[], variables: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(names.map((name) => (Object.hasOwn(variables, name) ? [variables[name]] : [])));
}
