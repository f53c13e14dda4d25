import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import type { UploadRecord } from '../../domain/records.js';
import { SCAN_STATUS_DESCRIPTIONS, SCAN_STATUSES, type ScanStatus } from '../../domain/scan-status.js';
import { vocabularyEnum } from './vocabulary-enum.js';

const ScanStatusEnum = vocabularyEnum(SCAN_STATUSES, {
  name: 'ScanStatus',
  description: 'Where the virus scan of a file stands.',
  valueDescriptions: SCAN_STATUS_DESCRIPTIONS,
});

@ObjectType('DuplicateReference', { simpleResolvers: true, description: 'The earliest upload in the workspace with the same SHA-256.' })
export class DuplicateReferenceType {
  @Field(() => ID)
  id!: string;

  @Field()
  receivedAt!: Date;
}

@ObjectType('Upload', { simpleResolvers: true, description: 'A file received through a link.' })
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

  @Field(() => ScanStatusEnum)
  scanStatus!: ScanStatus;

  @Field(() => String, { nullable: true, description: 'The signature the scanner matched (infected), else null' })
  scanSignature!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the latest complete scan finished; a rescan moves it' })
  scannedAt!: Date | null;

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
    scanStatus: upload.scanStatus,
    scanSignature: upload.scanSignature,
    scannedAt: upload.scannedAt,
    duplicateOf: upload.duplicateOf,
  };
}
