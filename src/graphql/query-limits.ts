import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getVariableValues,
  GraphQLError,
  isLeafType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { PAGE_LIMITS } from '../domain/link-rules.js';
import { costVariables, costVariablesKey } from './cost-variables.js';
import { introspectionListSizes } from './introspection-cost.js';

/** The documented GraphQL limits. */
export interface QueryLimits {
  maxDepth: number;
  maxRootFields: number;
  maxCost: number;
}


// The one argument that sets a list's page size; the estimator reads no other (see cost-variables.ts).
const PAGE_SIZE_ARGUMENT = 'limit';
const pageSize = (args: Record<string, unknown>): number => {
  const size = args[PAGE_SIZE_ARGUMENT];
  return typeof size === 'number' ? size : PAGE_LIMITS.default;
};

// List fields and the number of items they may return; any other list counts as one item.
const LIST_SIZES: Record<string, (args: Record<string, unknown>) => number> = {
  'Query.intakeLinks': pageSize,
  'Query.auditEvents': pageSize,
  // Paged (issue 13, defect 11): a link may hold 10,000 uploads, a page at most 1000.
  'Query.uploads': pageSize,
  'IntakeLink.uploads': pageSize,
};

/**
 * Cost approximates the number of objects the server may have to produce: a scalar field is free, an
 * object costs 1 plus its children, and a list multiplies that by its page size. Introspection lists
 * count the schema's real sizes (introspection-cost.ts).
 */
function listAwareEstimator(schema: GraphQLSchema): ComplexityEstimator {
  const introspection = introspectionListSizes(schema);
  return ({ type, field, args, childComplexity }) => {
    if (isLeafType(getNamedType(field.type))) return 0;
    const name = `${type.name}.${field.name}`;
    // A wrapper (NON_NULL, LIST) around the same type ref: real chains are 1-3 deep, mostly null below.
    if (name === '__Type.ofType') return childComplexity;
    // Never below 0: a negative page size (refused later by the service) must not offset other fields' cost.
    const size = Math.max(0, LIST_SIZES[name]?.(args) ?? introspection[name] ?? 1);
    return size * (1 + childComplexity);
  };
}

const estimators = new WeakMap<GraphQLSchema, ComplexityEstimator>();
function estimatorFor(schema: GraphQLSchema): ComplexityEstimator {
  let estimator = estimators.get(schema);
  if (!estimator) estimators.set(schema, (estimator = listAwareEstimator(schema)));
  return estimator;
}

/** graphql-query-complexity's own cap on the nodes it walks; a bigger document is refused unweighed. */
export const MAX_QUERY_NODES = 10_000;

/** What an operation weighs apart from its variables, worked out once per operation. */
interface Weighing {
  fragments: Map<string, FragmentDefinitionNode>;
  rootFields: number;
  depth: number;
  /** The variables its cost depends on (cost-variables.ts). */
  costVariables: string[];
  /** Its cost by the values of those variables (costVariablesKey), oldest first. */
  costs: Map<string, number>;
}

/** Costs remembered per operation: page sizes and flags a client really varies are few. */
const REMEMBERED_COSTS = 64;

/**
 * Refuses, before execution, an operation that is too deep, has too many root fields (aliases count)
 * or costs too much, with HTTP 400 and `QUERY_TOO_COMPLEX`. Introspection is subject to the same
 * limits, except that up to 9 levels of an `ofType` chain add no depth: counting them would refuse
 * the standard introspection query every tool sends. Deeper `ofType` chains count as usual.
 *
 * Apollo hands the same parsed document for the same query text (its document store), so the
 * weighing is remembered with the operation: a list page asked for thousands of times is walked
 * once, not once per request (the walk was about a tenth of a page's CPU). A remembered cost is
 * keyed by the values of the variables it depends on, and only those.
 */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  const weighings = new WeakMap<OperationDefinitionNode, Weighing>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return; // Apollo has already refused a document without a runnable operation
          let weighing = weighings.get(operation);
          if (!weighing) weighings.set(operation, (weighing = weigh(document, operation)));
          if (weighing.rootFields > limits.maxRootFields) {
            throw tooComplex(`The operation has ${weighing.rootFields} root fields; the limit is ${limits.maxRootFields}.`);
          }
          if (weighing.depth > limits.maxDepth) {
            throw tooComplex(`The operation is ${weighing.depth} levels deep; the limit is ${limits.maxDepth}.`);
          }
          const variables = request.variables ?? {};
          // Variables that do not coerce make execution refuse the operation (BAD_USER_INPUT) before any
          // resolver runs: that refusal, not the cost, is the answer (the estimate would throw it raw).
          const coerce = () => !getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors;
          const key = costVariablesKey(weighing.costVariables, variables);
          let cost = weighing.costs.get(key);
          if (cost === undefined) {
            if (!coerce()) return;
            cost = costOf(schema, operation, weighing.fragments, variables);
            remember(weighing.costs, key, cost);
          } else if (cost > limits.maxCost && !coerce()) {
            return;
          }
          if (cost > limits.maxCost) {
            throw tooComplex(`The operation costs ${cost}; the limit is ${limits.maxCost}. Ask for smaller pages or fewer nested lists.`);
          }
        },
      };
    },
  };
}

function weigh(document: DocumentNode, operation: OperationDefinitionNode): Weighing {
  const fragments = fragmentsOf(document);
  return {
    fragments,
    rootFields: countFields(operation.selectionSet, fragments),
    depth: selectionDepth(operation.selectionSet, fragments),
    costVariables: costVariables(operation, fragments, PAGE_SIZE_ARGUMENT),
    costs: new Map(),
  };
}

function costOf(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>, variables: Record<string, unknown>): number {
  try {
    return getComplexity({
      schema,
      query: { kind: Kind.DOCUMENT, definitions: [operation, ...fragments.values()] },
      variables,
      estimators: [estimatorFor(schema)],
      maxQueryNodes: MAX_QUERY_NODES,
    });
  } catch (error) {
    // Its node cap throws a plain GraphQLError, which would be masked as a 500.
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
      throw tooComplex(`The operation has more than ${MAX_QUERY_NODES} fields to weigh; ask for fewer.`);
    }
    throw error;
  }
}

function remember(costs: Map<string, number>, key: string, cost: number): void {
  if (costs.size >= REMEMBERED_COSTS) costs.delete(costs.keys().next().value as string);
  costs.set(key, cost);
}

function tooComplex(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'QUERY_TOO_COMPLEX', errorCode: 'query_too_complex', http: { status: 400 } },
  });
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

// Validation has already refused fragment cycles, so these walks terminate.
function countFields(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) count++;
    else if (selection.kind === Kind.INLINE_FRAGMENT) count += countFields(selection.selectionSet, fragments);
    else {
      const fragment = fragments.get(selection.name.value);
      if (fragment) count += countFields(fragment.selectionSet, fragments);
    }
  }
  return count;
}

function selectionDepth(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, ofTypeRun = 0): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    let depth = 0;
    if (selection.kind === Kind.FIELD) {
      const isOfType = selection.name.value === 'ofType';
      const run = isOfType ? ofTypeRun + 1 : 0;
      const below = selection.selectionSet ? selectionDepth(selection.selectionSet, fragments, run) : 0;
      depth = isOfType && run <= FREE_OF_TYPE_LEVELS ? below : 1 + below;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      depth = selectionDepth(selection.selectionSet, fragments, ofTypeRun);
    } else {
      const fragment = fragments.get(selection.name.value);
      depth = fragment ? selectionDepth(fragment.selectionSet, fragments, ofTypeRun) : 0;
    }
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/** `ofType` levels that add no depth: graphql-js's own introspection query nests 9. */
const FREE_OF_TYPE_LEVELS = 9;

/** The documented limits, with the configured maximum cost. */
export function defaultQueryLimits(maxCost: number): QueryLimits {
  return { maxDepth: 10, maxRootFields: 50, maxCost };
}

