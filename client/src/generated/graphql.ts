export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** A file sent as a part of a multipart request (GraphQL multipart request spec). Send `apollo-require-preflight: true`. */
  File: { input: File | Blob; output: File | Blob; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
  /** The `SafeInt` scalar type represents non-fractional signed whole numeric values that are considered safe as defined by the ECMAScript specification. */
  SafeInt: { input: number; output: number; }
};

/** Who caused an audit event. */
export type ActorKind =
  /** The holder of the admin token */
  | 'ADMIN'
  /** An operator with an API key of the workspace */
  | 'API_KEY'
  /** A customer holding the link */
  | 'CUSTOMER'
  /** The server itself (a background job) */
  | 'SYSTEM';

export type AuditActor = {
  __typename?: 'AuditActor';
  /** The API key id, when an API key acted */
  id: Maybe<Scalars['ID']['output']>;
  kind: ActorKind;
};

/** One entry of the append-only audit trail. */
export type AuditEvent = {
  __typename?: 'AuditEvent';
  actor: AuditActor;
  clientIp: Maybe<Scalars['String']['output']>;
  /** Event-specific facts (filename, size, request id...) */
  detail: Scalars['JSONObject']['output'];
  id: Scalars['ID']['output'];
  linkId: Maybe<Scalars['ID']['output']>;
  occurredAt: Scalars['DateTimeISO']['output'];
  /** Dotted event type, e.g. link.created, upload.received, upload.downloaded */
  type: Scalars['String']['output'];
  uploadId: Maybe<Scalars['ID']['output']>;
  userAgent: Maybe<Scalars['String']['output']>;
  workspaceId: Scalars['ID']['output'];
};

export type CreateIntakeLinkInput = {
  /** Customer identifier: lowercase letters, digits and single hyphens, 1-64 characters */
  customerSlug: Scalars['String']['input'];
  /** Shown on the upload page, up to 200 characters */
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** Hours until the link expires, 1-720 (default 168) */
  expiresInHours?: InputMaybe<Scalars['Int']['input']>;
  /** Maximum number of files, 1-10000 (default 100) */
  maxUploads?: InputMaybe<Scalars['Int']['input']>;
};

/** The earliest upload in the workspace with the same SHA-256. */
export type DuplicateReference = {
  __typename?: 'DuplicateReference';
  id: Scalars['ID']['output'];
  receivedAt: Scalars['DateTimeISO']['output'];
};

/** A shareable upload link for one customer. */
export type IntakeLink = {
  __typename?: 'IntakeLink';
  createdAt: Scalars['DateTimeISO']['output'];
  /** Customer identifier (slug format) */
  customerSlug: Scalars['String']['output'];
  /** Name shown on the upload page */
  displayName: Maybe<Scalars['String']['output']>;
  expiresAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  lastUploadAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** The token embedded in the upload URL: the customer's only credential */
  linkToken: Scalars['String']['output'];
  /** Maximum number of files the link accepts */
  maxUploads: Scalars['Int']['output'];
  revokedAt: Maybe<Scalars['DateTimeISO']['output']>;
  status: IntakeLinkStatus;
  /** Number of files received so far */
  uploadCount: Scalars['Int']['output'];
  /** Relative URL of the upload page (embeds the token) */
  uploadUrl: Scalars['String']['output'];
  /** Files received through the link, newest first. */
  uploads: Array<Upload>;
  /** The workspace the link belongs to */
  workspaceId: Scalars['ID']['output'];
};

/** Computed from the link at the moment it is read; precedence REVOKED, EXPIRED, EXHAUSTED, ACTIVE. */
export type IntakeLinkStatus =
  /** The link is valid and accepting uploads */
  | 'ACTIVE'
  /** The maximum upload count has been reached */
  | 'EXHAUSTED'
  /** The expiration time has passed */
  | 'EXPIRED'
  /** An operator revoked the link */
  | 'REVOKED';

export type Mutation = {
  __typename?: 'Mutation';
  /** Creates an upload link for a customer. */
  createIntakeLink: IntakeLink;
  /** Deletes an upload: its stored file and its object (an infected file stays quarantined until this). Its audit events stay and upload.deleted is added; the link does not get its slot back. Answers true. */
  deleteUpload: Scalars['Boolean']['output'];
  /** Makes an upload pending and queues a new scan (after a signature update); the verdict records a new scannedAt. */
  rescanUpload: Upload;
  /** Revokes a link at once. NOT_FOUND when it does not exist or is already revoked. */
  revokeIntakeLink: IntakeLink;
  /** Public (the link token is the credential): uploads one file through a link, with the same checks as POST /upload/{link_token}/files. Send a GraphQL multipart request with the header apollo-require-preflight: true. */
  uploadToIntakeLink: Upload;
};


export type MutationCreateIntakeLinkArgs = {
  input: CreateIntakeLinkInput;
  workspaceId: Scalars['ID']['input'];
};


export type MutationDeleteUploadArgs = {
  linkId: Scalars['ID']['input'];
  uploadId: Scalars['ID']['input'];
  workspaceId: Scalars['ID']['input'];
};


export type MutationRescanUploadArgs = {
  linkId: Scalars['ID']['input'];
  uploadId: Scalars['ID']['input'];
  workspaceId: Scalars['ID']['input'];
};


export type MutationRevokeIntakeLinkArgs = {
  id: Scalars['ID']['input'];
  workspaceId: Scalars['ID']['input'];
};


export type MutationUploadToIntakeLinkArgs = {
  file: Scalars['File']['input'];
  linkToken: Scalars['String']['input'];
};

export type Query = {
  __typename?: 'Query';
  /** Audit events of a workspace, newest first. Pages of `limit` (default 100); pass the id of the last event as `cursor` for the next page. */
  auditEvents: Array<AuditEvent>;
  /** One link of the workspace, whatever its status; null when there is none. */
  intakeLink: Maybe<IntakeLink>;
  /** Links of a workspace, newest first; only ACTIVE ones unless includeExpired. Pages of `limit` (default 100); pass the id of the last link as `cursor` for the next page. */
  intakeLinks: Array<IntakeLink>;
  /** Files received through a link, newest first. */
  uploads: Array<Upload>;
};


export type QueryAuditEventsArgs = {
  cursor: InputMaybe<Scalars['String']['input']>;
  limit: InputMaybe<Scalars['Int']['input']>;
  linkId: InputMaybe<Scalars['ID']['input']>;
  since: InputMaybe<Scalars['DateTimeISO']['input']>;
  until: InputMaybe<Scalars['DateTimeISO']['input']>;
  uploadId: InputMaybe<Scalars['ID']['input']>;
  workspaceId: Scalars['ID']['input'];
};


export type QueryIntakeLinkArgs = {
  id: Scalars['ID']['input'];
  workspaceId: Scalars['ID']['input'];
};


export type QueryIntakeLinksArgs = {
  cursor: InputMaybe<Scalars['String']['input']>;
  includeExpired?: InputMaybe<Scalars['Boolean']['input']>;
  limit: InputMaybe<Scalars['Int']['input']>;
  workspaceId: Scalars['ID']['input'];
};


export type QueryUploadsArgs = {
  linkId: Scalars['ID']['input'];
  workspaceId: Scalars['ID']['input'];
};

/** Where the virus scan of a file stands. */
export type ScanStatus =
  /** Scanned, nothing found */
  | 'CLEAN'
  /** Scanned, a signature matched */
  | 'INFECTED'
  /** Waiting for the scanner */
  | 'PENDING'
  /** No scanner is configured */
  | 'SKIPPED';

/** A file received through a link. */
export type Upload = {
  __typename?: 'Upload';
  /** MIME type of the file, verified against its content */
  contentType: Scalars['String']['output'];
  customerSlug: Scalars['String']['output'];
  /** Set when the same content was uploaded before in this workspace */
  duplicateOf: Maybe<DuplicateReference>;
  /** Original filename (path parts removed) */
  filename: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  linkId: Scalars['ID']['output'];
  receivedAt: Scalars['DateTimeISO']['output'];
  /** The signature the scanner matched (infected), else null */
  scanSignature: Maybe<Scalars['String']['output']>;
  scanStatus: ScanStatus;
  /** When the latest complete scan finished; a rescan moves it */
  scannedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** SHA-256 of the file contents, lowercase hex */
  sha256: Scalars['String']['output'];
  /** File size in bytes */
  sizeBytes: Scalars['SafeInt']['output'];
};
