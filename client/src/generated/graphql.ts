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

/** An API key as listed: never its secret. */
export type ApiKey = {
  __typename?: 'ApiKey';
  /** When the key was issued */
  createdAt: Scalars['DateTimeISO']['output'];
  /** The key id, to revoke it */
  id: Scalars['ID']['output'];
  /** When the key last authenticated a request (to the minute); null if never */
  lastUsedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** When the key was revoked; null while it works */
  revokedAt: Maybe<Scalars['DateTimeISO']['output']>;
};

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

export type CreateWebhookInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  events: Array<WebhookEventType>;
  url: Scalars['String']['input'];
};

/** A new workspace and its first API key. */
export type CreatedWorkspace = {
  __typename?: 'CreatedWorkspace';
  /** Its first API key (the secret is shown once) */
  apiKey: IssuedApiKey;
  /** The workspace */
  workspace: Workspace;
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
  /** Files received through the link, newest first. Pages of `limit` (default 100); pass the id of the last upload as `cursor` for the next page. */
  uploads: Array<Upload>;
  /** The workspace the link belongs to */
  workspaceId: Scalars['ID']['output'];
};


/** A shareable upload link for one customer. */
export type IntakeLinkUploadsArgs = {
  cursor: InputMaybe<Scalars['String']['input']>;
  limit: InputMaybe<Scalars['Int']['input']>;
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

/** A newly issued key: the only time its secret is shown. */
export type IssuedApiKey = {
  __typename?: 'IssuedApiKey';
  /** When the key was issued */
  createdAt: Scalars['DateTimeISO']['output'];
  /** The key id, to list or revoke it */
  id: Scalars['ID']['output'];
  /** The secret (ilk_...), shown once: send it as "Authorization: Bearer <secret>" */
  secret: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Creates an upload link for a customer. */
  createIntakeLink: IntakeLink;
  /** Registers an endpoint; the answer carries its secret (shown only here and on rotation). */
  createWebhook: Webhook;
  /** Creates a workspace and its first API key (admin token only). */
  createWorkspace: CreatedWorkspace;
  /** Deletes an upload: its stored file and its object (an infected file stays quarantined until this). Its audit events stay and upload.deleted is added; the link does not get its slot back. Answers true. */
  deleteUpload: Scalars['Boolean']['output'];
  deleteWebhook: Scalars['Boolean']['output'];
  /** Issues another API key for a workspace (admin token only). */
  issueApiKey: IssuedApiKey;
  /** Sends a delivery again, with the same webhook-id. */
  redeliverWebhookDelivery: WebhookDelivery;
  /** Makes an upload pending and queues a new scan (after a signature update); the verdict records a new scannedAt. */
  rescanUpload: Upload;
  /** Revokes an API key at once (the admin token, or the key itself). NOT_FOUND when it is unknown or already revoked. */
  revokeApiKey: ApiKey;
  /** Revokes a link at once. NOT_FOUND when it does not exist or is already revoked. */
  revokeIntakeLink: IntakeLink;
  /** A new secret; the previous one keeps signing beside it for 24 hours. */
  rotateWebhookSecret: Webhook;
  updateWebhook: Webhook;
  /** Changes a workspace's settings: notifyEmail, where an e-mail goes when files arrive (null for none). */
  updateWorkspace: Workspace;
  /** Public (the link token is the credential): uploads one file through a link, with the same checks as POST /upload/{link_token}/files. Send a GraphQL multipart request with the header apollo-require-preflight: true. */
  uploadToIntakeLink: Upload;
};


export type MutationCreateIntakeLinkArgs = {
  input: CreateIntakeLinkInput;
  workspaceId: Scalars['ID']['input'];
};


export type MutationCreateWebhookArgs = {
  input: CreateWebhookInput;
  workspaceId: Scalars['ID']['input'];
};


export type MutationCreateWorkspaceArgs = {
  name: Scalars['String']['input'];
};


export type MutationDeleteUploadArgs = {
  linkId: Scalars['ID']['input'];
  uploadId: Scalars['ID']['input'];
  workspaceId: Scalars['ID']['input'];
};


export type MutationDeleteWebhookArgs = {
  id: Scalars['ID']['input'];
  workspaceId: Scalars['ID']['input'];
};


export type MutationIssueApiKeyArgs = {
  workspaceId: Scalars['ID']['input'];
};


export type MutationRedeliverWebhookDeliveryArgs = {
  deliveryId: Scalars['ID']['input'];
  webhookId: Scalars['ID']['input'];
  workspaceId: Scalars['ID']['input'];
};


export type MutationRescanUploadArgs = {
  linkId: Scalars['ID']['input'];
  uploadId: Scalars['ID']['input'];
  workspaceId: Scalars['ID']['input'];
};


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
  workspaceId: Scalars['ID']['input'];
};


export type MutationRevokeIntakeLinkArgs = {
  id: Scalars['ID']['input'];
  workspaceId: Scalars['ID']['input'];
};


export type MutationRotateWebhookSecretArgs = {
  id: Scalars['ID']['input'];
  workspaceId: Scalars['ID']['input'];
};


export type MutationUpdateWebhookArgs = {
  id: Scalars['ID']['input'];
  input: UpdateWebhookInput;
  workspaceId: Scalars['ID']['input'];
};


export type MutationUpdateWorkspaceArgs = {
  id: Scalars['ID']['input'];
  notifyEmail: InputMaybe<Scalars['String']['input']>;
};


export type MutationUploadToIntakeLinkArgs = {
  file: Scalars['File']['input'];
  linkToken: Scalars['String']['input'];
};

/** An event as webhooks deliver it: the same type, timestamp and data. */
export type NotificationEvent = {
  __typename?: 'NotificationEvent';
  /** Ids and file facts (snake_case keys, as in webhook bodies) */
  data: Scalars['JSONObject']['output'];
  timestamp: Scalars['DateTimeISO']['output'];
  type: WebhookEventType;
};

export type Query = {
  __typename?: 'Query';
  /** The API keys of a workspace, revoked ones included, oldest first; never a secret. */
  apiKeys: Array<ApiKey>;
  /** Audit events of a workspace, newest first. Pages of `limit` (default 100); pass the id of the last event as `cursor` for the next page. */
  auditEvents: Array<AuditEvent>;
  /** One link of the workspace, whatever its status; null when there is none. */
  intakeLink: Maybe<IntakeLink>;
  /** Links of a workspace, newest first; only ACTIVE ones unless includeExpired. Pages of `limit` (default 100); pass the id of the last link as `cursor` for the next page. */
  intakeLinks: Array<IntakeLink>;
  /** Files received through a link, newest first. Pages of `limit` (default 100); pass the id of the last upload as `cursor` for the next page. */
  uploads: Array<Upload>;
  webhook: Webhook;
  /** The delivery log of a webhook, newest first. */
  webhookDeliveries: Array<WebhookDelivery>;
  /** Webhook endpoints of a workspace, newest first (secrets are null here). */
  webhooks: Array<Webhook>;
  /** One workspace (the admin token, or a key of that workspace). */
  workspace: Workspace;
};


export type QueryApiKeysArgs = {
  workspaceId: Scalars['ID']['input'];
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
  cursor: InputMaybe<Scalars['String']['input']>;
  limit: InputMaybe<Scalars['Int']['input']>;
  linkId: Scalars['ID']['input'];
  workspaceId: Scalars['ID']['input'];
};


export type QueryWebhookArgs = {
  id: Scalars['ID']['input'];
  workspaceId: Scalars['ID']['input'];
};


export type QueryWebhookDeliveriesArgs = {
  cursor: InputMaybe<Scalars['String']['input']>;
  limit: InputMaybe<Scalars['Int']['input']>;
  webhookId: Scalars['ID']['input'];
  workspaceId: Scalars['ID']['input'];
};


export type QueryWebhooksArgs = {
  cursor: InputMaybe<Scalars['String']['input']>;
  limit: InputMaybe<Scalars['Int']['input']>;
  workspaceId: Scalars['ID']['input'];
};


export type QueryWorkspaceArgs = {
  id: Scalars['ID']['input'];
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

export type Subscription = {
  __typename?: 'Subscription';
  /** Link events of a workspace (created, revoked, exhausted, expired) as they commit. Send extensions {announceReady: true} in the subscribe message to get a first result {extensions: {ready: true}} (no data) once every event committed from then on is sure to arrive. */
  linkEvents: NotificationEvent;
  /** Upload events of a workspace (or of one link) as they commit, with the payloads webhooks carry. Send extensions {announceReady: true} in the subscribe message to get a first result {extensions: {ready: true}} (no data) once every event committed from then on is sure to arrive. */
  uploadEvents: NotificationEvent;
};


export type SubscriptionLinkEventsArgs = {
  workspaceId: Scalars['ID']['input'];
};


export type SubscriptionUploadEventsArgs = {
  linkId: InputMaybe<Scalars['ID']['input']>;
  workspaceId: Scalars['ID']['input'];
};

export type UpdateWebhookInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  events?: InputMaybe<Array<WebhookEventType>>;
  url?: InputMaybe<Scalars['String']['input']>;
};

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

/** An endpoint that receives signed deliveries (Standard Webhooks). */
export type Webhook = {
  __typename?: 'Webhook';
  consecutiveFailures: Scalars['Int']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  description: Maybe<Scalars['String']['output']>;
  /** Why the server disabled it, else null */
  disabledReason: Maybe<Scalars['String']['output']>;
  enabled: Scalars['Boolean']['output'];
  events: Array<WebhookEventType>;
  id: Scalars['ID']['output'];
  lastSuccessAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** The signing secret: only in the answers of createWebhook and rotateWebhookSecret, else null */
  secret: Maybe<Scalars['String']['output']>;
  url: Scalars['String']['output'];
};

/** One event for one endpoint, and how its delivery went. */
export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  attempts: Scalars['Int']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  deliveredAt: Maybe<Scalars['DateTimeISO']['output']>;
  eventType: WebhookEventType;
  /** Also the webhook-id header of every try */
  id: Scalars['ID']['output'];
  lastAttemptAt: Maybe<Scalars['DateTimeISO']['output']>;
  lastDurationMs: Maybe<Scalars['Int']['output']>;
  lastError: Maybe<Scalars['String']['output']>;
  lastStatusCode: Maybe<Scalars['Int']['output']>;
  nextAttemptAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** The body as sent: {type, timestamp, data} */
  payload: Scalars['JSONObject']['output'];
  status: WebhookDeliveryStatus;
  webhookId: Scalars['ID']['output'];
};

/** How a delivery fares. */
export type WebhookDeliveryStatus =
  | 'FAILED'
  | 'PENDING'
  | 'SUCCEEDED';

/** Events webhooks and subscriptions carry (REST spells them dotted: link.created, upload.received, ...). */
export type WebhookEventType =
  | 'LINK_CREATED'
  | 'LINK_EXHAUSTED'
  | 'LINK_EXPIRED'
  | 'LINK_REVOKED'
  | 'UPLOAD_DELETED'
  | 'UPLOAD_DOWNLOADED'
  | 'UPLOAD_DOWNLOAD_REFUSED'
  | 'UPLOAD_INFECTED'
  | 'UPLOAD_RECEIVED'
  | 'UPLOAD_SCANNED';

/** A tenant: its links, uploads, keys and audit trail are its own. */
export type Workspace = {
  __typename?: 'Workspace';
  /** When the workspace was created */
  createdAt: Scalars['DateTimeISO']['output'];
  /** The workspace id (a UUID) */
  id: Scalars['ID']['output'];
  /** The name given at creation */
  name: Scalars['String']['output'];
  /** Where an e-mail goes when files arrive (at most one per link per 10 minutes); null for none */
  notifyEmail: Maybe<Scalars['String']['output']>;
};
