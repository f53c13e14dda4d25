import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import type { UploadRecord } from '../../domain/records.js';

export enum ScanStatus {
  SKIPPED = 'skipped',
  PENDING = 'pending',
  CLEAN = 'clean',
  INFECTED = 'infected',
}

registerEnumType(ScanStatus, {
  name: 'ScanStatus',
  description: 'Where the virus scan of a file stands.',
  valuesConfig: {
    SKIPPED: { description: 'No scanner is configured' },
    PENDING: { description: 'Waiting for the scanner' },
    CLEAN: { description: 'Scanned, nothing found' },
    INFECTED: { description: 'Scanned, a signature matched' },
  },
});

@ObjectType('DuplicateReference', { description: 'The earliest upload in the workspace with the same SHA-256.' })
export class DuplicateReferenceType {
  @Field(() => ID)
  id!: string;

  @Field()
  receivedAt!: Date;
}

@ObjectType('Upload', { description: 'A file received through a link.' })
export class UploadType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  linkId!: string;

  @Field()
  customerSlug!: string;

  @Field({ description: 'Original filename (path parts removed)' })
  filename!: string;

  @Field({ description: 'MIME type of the file, verified against its content' })
  contentType!: string;

  @Field({ description: 'SHA-256 of the file contents, lowercase hex' })
  sha256!: string;

  @Field(() => GraphQLSafeInt, { description: 'File size in bytes' })
  sizeBytes!: number;

  @Field()
  receivedAt!: Date;

  @Field(() => ScanStatus)
  scanStatus!: ScanStatus;

  @Field(() => DuplicateReferenceType, { nullable: true, description: 'Set when the same content was uploaded before in this workspace' })
  duplicateOf!: DuplicateReferenceType | null;
}

export function toUploadType(upload: UploadRecord): UploadType {
  return {
    id: upload.id,
    linkId: upload.linkId,
    customerSlug: upload.customerSlug,
    filename: upload.filename,
    contentType: upload.contentType,
    sha256: upload.sha256,
    sizeBytes: upload.sizeBytes,
    receivedAt: upload.receivedAt,
    scanStatus: upload.scanStatus as ScanStatus,
    duplicateOf: upload.duplicateOf,
  };
}
