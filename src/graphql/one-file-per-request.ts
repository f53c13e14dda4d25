import type { ApolloServerPlugin } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getNamedType, GraphQLError, Kind, typeFromAST, visit, type DocumentNode } from 'graphql';
import { processRequest, Upload } from 'graphql-upload-minimal';
import { AppError } from '../errors/app-error.js';
import { ERROR_CODES } from '../errors/error-codes.js';

const TOO_MANY = 'A request carries one file: send each file in a request of its own.';

/**
 * graphql-upload-minimal's request parser, held to one file per request. Its own refusal of a second
 * file is a 413 ("max file uploads exceeded"), which reads as "the body is too large"; it becomes
 * `too_many_files`. One file mapped to several variable paths is refused too: the second field to
 * read it would fail after the first had stored it.
 */
export async function processOneFileRequest(req: IncomingMessage, res: ServerResponse, options: { maxFileSize: number }): Promise<unknown> {
  let operations: unknown;
  try {
    operations = await processRequest(req, res, { maxFileSize: options.maxFileSize, maxFiles: 1 });
  } catch (error) {
    if (isFilesLimit(error)) throw new AppError('too_many_files', TOO_MANY, { cause: error });
    throw error;
  }
  const uploads = uploadsIn(operations);
  if (uploads.length > 1) {
    // Nothing will read the file: let the parser drop it so the request can finish.
    for (const upload of new Set(uploads)) void upload.promise.then((file) => file.createReadStream().resume(), () => undefined);
    throw new AppError('too_many_files', TOO_MANY);
  }
  return operations;
}

function isFilesLimit(error: unknown): boolean {
  const { status, message } = (error ?? {}) as { status?: unknown; message?: unknown };
  return status === 413 && typeof message === 'string' && /max file uploads exceeded/.test(message);
}

/** Every Upload placeholder in the operations (the same one counted at each path it was mapped to). */
function uploadsIn(value: unknown, found: Upload[] = [], depth = 0): Upload[] {
  if (value instanceof Upload) found.push(value);
  else if (value && typeof value === 'object' && depth < 32) {
    for (const inner of Object.values(value)) uploadsIn(inner, found, depth + 1);
  }
  return found;
}

/**
 * Refuses, before any resolver runs, an operation that uses a `File` variable more than once
 * (`a: uploadToIntakeLink(file: $f) b: uploadToIntakeLink(file: $f)`): a file part can be read once.
 */
export function oneFilePerOperationPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, schema, document }) {
          if (!operation) return;
          const fileVariables = new Set(
            (operation.variableDefinitions ?? [])
              .filter((definition) => getNamedType(typeFromAST(schema, definition.type as never) ?? undefined)?.name === 'File')
              .map((definition) => definition.variable.name.value),
          );
          if (fileVariables.size === 0) return;
          let uses = 0;
          visit(withFragments(document, operation), {
            Variable(node, _key, parent) {
              // The definition `$file: File!` itself is not a use.
              if (parent && !Array.isArray(parent) && (parent as { kind?: string }).kind === Kind.VARIABLE_DEFINITION) return;
              if (fileVariables.has(node.name.value)) uses++;
            },
          });
          if (uses > 1) {
            throw new GraphQLError(TOO_MANY, {
              extensions: { code: ERROR_CODES.too_many_files.graphql, errorCode: 'too_many_files', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

// The operation and every fragment of the document (a fragment may use the variable too).
function withFragments(document: DocumentNode, operation: DocumentNode['definitions'][number]): DocumentNode {
  return { kind: Kind.DOCUMENT, definitions: [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)] };
}
