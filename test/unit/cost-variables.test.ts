import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { costVariables, costVariablesKey } from '../../src/graphql/cost-variables.js';

function variablesOf(source: string): string[] {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return costVariables(operation, fragments, 'limit');
}

describe('costVariables', () => {
  it('names no variable of a page that only passes a workspace and a cursor', () => {
    expect(variablesOf('query($ws: ID!, $cursor: String) { intakeLinks(workspaceId: $ws, cursor: $cursor) { id status } }')).toEqual([]);
  });

  it('names the variables of page sizes, at any depth, and of every directive, sorted', () => {
    const source = `query($ws: ID!, $n: Int, $m: Int, $a: Boolean!, $b: Boolean!, $c: Boolean!, $d: Boolean!) {
      intakeLinks(workspaceId: $ws, limit: $n) {
        id @include(if: $d)
        uploads(limit: $m) { id }
        ...F @skip(if: $a)
        ... on IntakeLink @include(if: $b) { status }
      }
    }
    fragment F on IntakeLink { again: uploads { id @skip(if: $c) } }`;
    expect(variablesOf(source)).toEqual(['a', 'b', 'c', 'd', 'm', 'n']);
  });

  it('finds variables inside list and object values of a page size', () => {
    expect(variablesOf('query($x: Int, $y: Int) { f(limit: [{ a: $x }, $y]) { id } }')).toEqual(['x', 'y']);
  });

  it('walks a fragment spread twice only once', () => {
    const source = 'query($n: Int) { a: intakeLinks { ...F } b: intakeLinks { ...F } } fragment F on IntakeLink { uploads(limit: $n) { id } }';
    expect(variablesOf(source)).toEqual(['n']);
  });
});

describe('costVariablesKey', () => {
  it('tells an absent variable from an explicit null, and ignores the others', () => {
    expect(costVariablesKey(['n'], {})).toBe('[[]]');
    expect(costVariablesKey(['n'], { n: null })).toBe('[[null]]');
    expect(costVariablesKey(['n', 'x'], { n: 5, x: true, ws: 'a' })).toBe('[[5],[true]]');
    expect(costVariablesKey([], { ws: 'a', cursor: 'b' })).toBe('[]');
  });
});
