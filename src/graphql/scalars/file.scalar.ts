import { GraphQLScalarType } from 'graphql';
import { GraphQLUpload } from 'graphql-upload-minimal';

/**
 * The multipart file scalar (GraphQL multipart request spec). graphql-upload-minimal calls its
 * scalar "Upload", which is our object type for a received file, so the same scalar is exposed
 * under the name "File".
 */
export const FileScalar = new GraphQLScalarType({
  ...GraphQLUpload.toConfig(),
  name: 'File',
  description: 'A file sent as a part of a multipart request (GraphQL multipart request spec). Send `apollo-require-preflight: true`.',
});
