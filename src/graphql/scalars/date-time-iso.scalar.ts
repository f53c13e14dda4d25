import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { isoTimestamp } from '../../transport/iso-timestamp.js';

const dateTimeIso = GraphQLDateTimeISO.toConfig();

/**
 * graphql-scalars' DateTimeISO (type-graphql's scalar for `Date`), the same in name, description and
 * parsing, that writes a valid Date with `isoTimestamp` (the same text as toISOString, four times
 * faster: a 100-link page has 400 of them). Anything else (a string, a number, an invalid Date) goes
 * to the original, with its checks and its errors.
 */
export const DateTimeIsoScalar = new GraphQLScalarType({
  ...dateTimeIso,
  serialize(value) {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return isoTimestamp(value);
    return dateTimeIso.serialize(value);
  },
});
