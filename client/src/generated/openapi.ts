export interface paths {
    "/v1/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a workspace and its first API key (admin token only) */
        post: operations["createWorkspace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{workspace_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show a workspace (the admin token, or a key of that workspace) */
        get: operations["getWorkspace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a workspace's settings: notify_email, where an e-mail goes when files arrive (null for none) */
        patch: operations["updateWorkspace"];
        trace?: never;
    };
    "/v1/workspaces/{workspace_id}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the API keys of a workspace, revoked ones included (never a secret) */
        get: operations["listApiKeys"];
        put?: never;
        /** Issue another API key for a workspace (admin token only) */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{workspace_id}/api-keys/{key_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key at once (the admin token, or the key itself) */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/{workspace_id}/intake/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List upload links
         * @description Returns upload links for the workspace, newest first. By default, only active links are returned. Pages hold `limit` links (default 100); when more follow, a `Link: <...>; rel="next"` header names the next page.
         */
        get: operations["listIntakeLinks"];
        put?: never;
        /**
         * Create an upload link
         * @description Generates a new shareable upload link for a customer.
         */
        post: operations["createIntakeLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/{workspace_id}/intake/links/{link_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show one upload link, whatever its status */
        get: operations["getIntakeLink"];
        put?: never;
        post?: never;
        /**
         * Revoke an upload link
         * @description Revokes an upload link. Customers who try to use a revoked link will see an error page.
         */
        delete: operations["revokeIntakeLink"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/{workspace_id}/intake/links/{link_id}/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List uploads for a link
         * @description Returns files uploaded through a specific link, newest first: all of them (at most the link's max_uploads) unless `limit` is given; with `limit` (1-1000), when more follow, a `Link: <...>; rel="next"` header names the next page.
         */
        get: operations["listLinkUploads"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/upload/{link_token}/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload one file through a link (public; the link token is the credential)
         * @description The request body is the file's raw bytes (the request's own Content-Type is ignored), or a `multipart/form-data` body with exactly one file part (its filename and type are used unless the x-amigo-intake headers are present, which win; `curl -F file=@scan.pdf` works). A request whose Accept prefers text/html (a plain browser form) is answered 303 to a page showing the received file instead of the JSON 201. Accepted types: application/pdf, text/csv, image/jpeg, image/png, application/msword, application/vnd.openxmlformats-officedocument.wordprocessingml.document, application/vnd.ms-powerpoint, application/vnd.openxmlformats-officedocument.presentationml.presentation. Maximum size: 104857600 bytes. The content must match the declared type (magic bytes). When a file with the same SHA-256 was uploaded before in the workspace, `duplicate_of` names the earliest one; the file is still stored.
         */
        post: operations["uploadFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/{workspace_id}/intake/links/{link_id}/uploads/{upload_id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download an upload
         * @description Returns the raw file bytes with a Content-Disposition: attachment header. Every download is recorded as a PHI access event in the audit trail before the first byte is sent; when it cannot be recorded, nothing is sent (503). An infected file is never sent (409 file_infected); while SCAN_REQUIRED is true, neither is one still being scanned (409 scan_pending). Each refusal is recorded as upload.download_refused with its reason.
         */
        get: operations["downloadUpload"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/{workspace_id}/intake/links/{link_id}/uploads/{upload_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete an upload
         * @description Removes the stored file and its upload object (an infected file stays quarantined until this). Its audit events stay and upload.deleted is added; the link does not get its upload slot back.
         */
        delete: operations["deleteUpload"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/{workspace_id}/intake/links/{link_id}/uploads/{upload_id}/rescan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Scan an upload again
         * @description Makes the upload pending and queues a new scan (after a signature update, say); its verdict records a new scanned_at. 409 scanner_not_configured when no scanner is configured.
         */
        post: operations["rescanUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/{workspace_id}/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List audit events
         * @description Link creations and revocations, received uploads and every download, newest first. Paged like the link list (`Link: <...>; rel="next"`). Events are never changed or deleted.
         */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Operator status: database, scanner, scan queue
         * @description Any API key (or the admin token). queue_depth counts scan jobs waiting, retrying or running.
         */
        get: operations["getStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/{workspace_id}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhook endpoints
         * @description Newest first, paged like the link list (`Link: <...>; rel="next"`). Secrets are never listed.
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Register a webhook endpoint
         * @description Deliveries follow the Standard Webhooks specification (headers webhook-id, webhook-timestamp, webhook-signature). The signing secret is in this answer only (and in that of a rotation).
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/{workspace_id}/webhooks/{webhook_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a webhook endpoint */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook endpoint
         * @description Removes the endpoint and its delivery log; nothing more is sent to it.
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /** Change a webhook endpoint */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/v1/{workspace_id}/webhooks/{webhook_id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a new signing secret
         * @description The previous secret stays valid for 24 hours: meanwhile every delivery carries a signature by each.
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/{workspace_id}/webhooks/{webhook_id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The delivery log of a webhook
         * @description Newest first: tries, last status code and duration, next retry. Paged like the link list.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/{workspace_id}/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again
         * @description Queues the delivery now, with the same webhook-id (receivers dedupe on it).
         */
        post: operations["redeliverWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/upload/{link_token}/tus": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a resumable upload over tus (reserves one of the link's uploads)
         * @description tus 1.0.0 creation (and creation-with-upload: the body may carry the first bytes). The file is checked like on the raw route before any byte is kept: name, type (application/pdf, text/csv, image/jpeg, image/png, application/msword, application/vnd.openxmlformats-officedocument.wordprocessingml.document, application/vnd.ms-powerpoint, application/vnd.openxmlformats-officedocument.presentationml.presentation), size up to 104857600 bytes, the link's state. A slot of max_uploads is held from here until the upload finishes, is terminated or expires. The finished file is stored exactly as by `uploadFile` (hash, duplicate_of, scan, audit).
         */
        post: operations["tusCreateUpload"];
        delete?: never;
        /** What the tus server supports (no token check) */
        options: operations["tusOptions"];
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/upload/{link_token}/tus/{upload_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Abandon a resumable upload (tus termination): its bytes are removed and its slot released */
        delete: operations["tusTerminate"];
        options?: never;
        /** How many bytes of a resumable upload the server holds (where to resume) */
        head: operations["tusUploadOffset"];
        /**
         * Send the next bytes of a resumable upload
         * @description Every byte acknowledged (the new Upload-Offset) is on disk. The PATCH that completes the file stores it, and its 204 carries the stored upload in headers. A second PATCH to the same upload while one is running is refused.
         */
        patch: operations["tusAppend"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description An API key as listed: never its secret */
        ApiKey: {
            id: components["schemas"]["Uuid"];
            created_at: components["schemas"]["Timestamp"];
            revoked_at: components["schemas"]["Timestamp"] | null;
            last_used_at: components["schemas"]["Timestamp"] | null;
        };
        ApiKeyCreated: {
            id: components["schemas"]["Uuid"];
            /** @description Shown once */
            api_key: string;
            created_at: components["schemas"]["Timestamp"];
        };
        AuditEvent: {
            id: components["schemas"]["Uuid"];
            /** @enum {string} */
            type: "link.created" | "link.revoked" | "upload.received" | "upload.downloaded" | "upload.download_refused" | "upload.scanned" | "upload.infected" | "upload.deleted" | "webhook.disabled" | "upload.rescan_requested" | "api_key.issued" | "api_key.revoked" | "workspace.updated";
            occurred_at: components["schemas"]["Timestamp"];
            workspace_id: components["schemas"]["Uuid"];
            link_id: components["schemas"]["Uuid"] | null;
            upload_id: components["schemas"]["Uuid"] | null;
            actor: {
                /** @enum {string} */
                kind: "api_key" | "admin" | "customer" | "system";
                id: components["schemas"]["Uuid"] | null;
            };
            client_ip: string | null;
            user_agent: string | null;
            detail: {
                [key: string]: unknown;
            };
        };
        Error: {
            /** @description Stable snake_case code to switch on */
            error_code: string;
            detail: string;
        };
        IntakeLink: {
            id: components["schemas"]["Uuid"];
            workspace_id: components["schemas"]["Uuid"];
            customer_slug: string;
            display_name: string | null;
            /** @description Relative URL of the upload page (embeds the token) */
            upload_url: string;
            link_token: string;
            /** @enum {string} */
            status: "active" | "expired" | "revoked" | "exhausted";
            created_at: components["schemas"]["Timestamp"];
            expires_at: components["schemas"]["Timestamp"];
            revoked_at: components["schemas"]["Timestamp"] | null;
            max_uploads: number;
            upload_count: number;
            last_upload_at: components["schemas"]["Timestamp"] | null;
        };
        OperatorStatus: {
            database: {
                reachable: boolean;
            };
            scanner: {
                configured: boolean;
                reachable: boolean;
                /** @description clamd's VERSION answer */
                version: string | null;
                /** @description Scan jobs waiting, retrying or running */
                queue_depth: number;
                /** @description Age of the oldest pending upload */
                oldest_pending_age_seconds: number | null;
            };
        };
        /**
         * Format: date-time
         * @description UTC ISO-8601 timestamp
         */
        Timestamp: string;
        Upload: {
            id: components["schemas"]["Uuid"];
            link_id: components["schemas"]["Uuid"];
            customer_slug: string;
            filename: string;
            content_type: string;
            sha256: string;
            size_bytes: number;
            received_at: components["schemas"]["Timestamp"];
            /** @enum {string} */
            scan_status: "skipped" | "pending" | "clean" | "infected";
            /** @description The signature the scanner matched (infected), else null */
            scan_signature: string | null;
            /** @description When the latest complete scan finished; a rescan moves it */
            scanned_at: components["schemas"]["Timestamp"] | null;
            duplicate_of: {
                id: components["schemas"]["Uuid"];
                received_at: components["schemas"]["Timestamp"];
            } | null;
        };
        /** Format: uuid */
        Uuid: string;
        Webhook: {
            /** Format: uuid */
            id: string;
            url: string;
            events: ("link.created" | "link.revoked" | "link.exhausted" | "link.expired" | "upload.received" | "upload.downloaded" | "upload.download_refused" | "upload.scanned" | "upload.infected" | "upload.deleted")[];
            enabled: boolean;
            description: string | null;
            /**
             * Format: date-time
             * @description UTC ISO-8601 timestamp
             */
            created_at: string;
            last_success_at: string | null;
            consecutive_failures: number;
            /** @description Why the server disabled it (a 410, or 5 days of failures), else null */
            disabled_reason: string | null;
        };
        WebhookDelivery: {
            /**
             * Format: uuid
             * @description Also the webhook-id header of every try
             */
            id: string;
            /** Format: uuid */
            webhook_id: string;
            /** @enum {string} */
            event_type: "link.created" | "link.revoked" | "link.exhausted" | "link.expired" | "upload.received" | "upload.downloaded" | "upload.download_refused" | "upload.scanned" | "upload.infected" | "upload.deleted";
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed";
            attempts: number;
            last_status_code: number | null;
            last_duration_ms: number | null;
            last_error: string | null;
            last_attempt_at: string | null;
            next_attempt_at: string | null;
            /**
             * Format: date-time
             * @description UTC ISO-8601 timestamp
             */
            created_at: string;
            delivered_at: string | null;
            /** @description The body as sent: {type, timestamp, data} */
            payload: {
                [key: string]: unknown;
            };
        };
        WebhookWithSecret: {
            /** Format: uuid */
            id: string;
            url: string;
            events: ("link.created" | "link.revoked" | "link.exhausted" | "link.expired" | "upload.received" | "upload.downloaded" | "upload.download_refused" | "upload.scanned" | "upload.infected" | "upload.deleted")[];
            enabled: boolean;
            description: string | null;
            /**
             * Format: date-time
             * @description UTC ISO-8601 timestamp
             */
            created_at: string;
            last_success_at: string | null;
            consecutive_failures: number;
            /** @description Why the server disabled it (a 410, or 5 days of failures), else null */
            disabled_reason: string | null;
            /** @description The signing secret (`whsec_` + base64 of 32 bytes); shown only on creation and rotation */
            secret: string;
        };
        Workspace: {
            id: components["schemas"]["Uuid"];
            name: string;
            created_at: components["schemas"]["Timestamp"];
            /** @description Where an e-mail goes when files arrive (at most one per link per 10 minutes); null for none */
            notify_email: string | null;
        };
        WorkspaceCreated: {
            id: components["schemas"]["Uuid"];
            name: string;
            created_at: components["schemas"]["Timestamp"];
            /** @description The first API key of the workspace (shown once) */
            api_key: string;
            /** @description The id of that key, to list or revoke it */
            api_key_id: components["schemas"]["Uuid"];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createWorkspace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description The workspace, with its first API key (shown once) and that key's id */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceCreated"];
                };
            };
            /** @description `invalid_json`: The request body is not valid JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "invalid_json";
                    };
                };
            };
            /** @description `unauthorized`: A valid API key is required (Authorization: Bearer <key>). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "unauthorized";
                    };
                };
            };
            /** @description `forbidden`: This key may not act on that workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "forbidden";
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "payload_too_large";
                    };
                };
            };
            /** @description `validation_error`: The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "validation_error";
                    };
                };
            };
            /** @description `rate_limited`: Too many requests; try again shortly. */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "rate_limited";
                    };
                };
            };
            /** @description `internal_server_error`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "internal_server_error";
                    };
                };
            };
            /** @description `service_unavailable`: The service is temporarily unavailable; try again later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "service_unavailable";
                    };
                };
            };
        };
    };
    getWorkspace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The workspace */
                workspace_id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workspace */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            /** @description `unauthorized`: A valid API key is required (Authorization: Bearer <key>). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "unauthorized";
                    };
                };
            };
            /** @description `forbidden`: This key may not act on that workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "forbidden";
                    };
                };
            };
            /** @description `not_found`: Nothing exists at this address. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "not_found";
                    };
                };
            };
            /** @description `rate_limited`: Too many requests; try again shortly. */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "rate_limited";
                    };
                };
            };
            /** @description `internal_server_error`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "internal_server_error";
                    };
                };
            };
            /** @description `service_unavailable`: The service is temporarily unavailable; try again later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "service_unavailable";
                    };
                };
            };
        };
    };
    updateWorkspace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The workspace */
                workspace_id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    notify_email: string | null;
                };
            };
        };
        responses: {
            /** @description The workspace as changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            /** @description `invalid_json`: The request body is not valid JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "invalid_json";
                    };
                };
            };
            /** @description `unauthorized`: A valid API key is required (Authorization: Bearer <key>). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "unauthorized";
                    };
                };
            };
            /** @description `forbidden`: This key may not act on that workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "forbidden";
                    };
                };
            };
            /** @description `not_found`: Nothing exists at this address. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "not_found";
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "payload_too_large";
                    };
                };
            };
            /** @description `validation_error`: The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "validation_error";
                    };
                };
            };
            /** @description `rate_limited`: Too many requests; try again shortly. */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "rate_limited";
                    };
                };
            };
            /** @description `internal_server_error`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "internal_server_error";
                    };
                };
            };
            /** @description `service_unavailable`: The service is temporarily unavailable; try again later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "service_unavailable";
                    };
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The workspace */
                workspace_id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The keys, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"][];
                };
            };
            /** @description `unauthorized`: A valid API key is required (Authorization: Bearer <key>). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "unauthorized";
                    };
                };
            };
            /** @description `forbidden`: This key may not act on that workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "forbidden";
                    };
                };
            };
            /** @description `not_found`: Nothing exists at this address. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "not_found";
                    };
                };
            };
            /** @description `rate_limited`: Too many requests; try again shortly. */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "rate_limited";
                    };
                };
            };
            /** @description `internal_server_error`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "internal_server_error";
                    };
                };
            };
            /** @description `service_unavailable`: The service is temporarily unavailable; try again later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "service_unavailable";
                    };
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The workspace */
                workspace_id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new key (shown once) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyCreated"];
                };
            };
            /** @description `unauthorized`: A valid API key is required (Authorization: Bearer <key>). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "unauthorized";
                    };
                };
            };
            /** @description `forbidden`: This key may not act on that workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "forbidden";
                    };
                };
            };
            /** @description `not_found`: Nothing exists at this address. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "not_found";
                    };
                };
            };
            /** @description `rate_limited`: Too many requests; try again shortly. */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "rate_limited";
                    };
                };
            };
            /** @description `internal_server_error`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "internal_server_error";
                    };
                };
            };
            /** @description `service_unavailable`: The service is temporarily unavailable; try again later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "service_unavailable";
                    };
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The workspace */
                workspace_id: components["schemas"]["Uuid"];
                /** @description The key to revoke */
                key_id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `unauthorized`: A valid API key is required (Authorization: Bearer <key>). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "unauthorized";
                    };
                };
            };
            /** @description `forbidden`: This key may not act on that workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "forbidden";
                    };
                };
            };
            /** @description `not_found`: Nothing exists at this address. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "not_found";
                    };
                };
            };
            /** @description `rate_limited`: Too many requests; try again shortly. */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "rate_limited";
                    };
                };
            };
            /** @description `internal_server_error`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "internal_server_error";
                    };
                };
            };
            /** @description `service_unavailable`: The service is temporarily unavailable; try again later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "service_unavailable";
                    };
                };
            };
        };
    };
    listIntakeLinks: {
        parameters: {
            query?: {
                /** @description Include expired, revoked and exhausted links (default false) */
                include_expired?: boolean;
                /** @description Page size, 1-1000 (default 100) */
                limit?: number;
                /** @description The id of the last item of the previous page (taken from the Link header) */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description The workspace */
                workspace_id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Array of link objects */
            200: {
                headers: {
                    /** @description The next page, when there is one */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntakeLink"][];
                };
            };
            /** @description `unauthorized`: A valid API key is required (Authorization: Bearer <key>). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "unauthorized";
                    };
                };
            };
            /** @description `forbidden`: This key may not act on that workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "forbidden";
                    };
                };
            };
            /** @description `not_found`: Nothing exists at this address. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "not_found";
                    };
                };
            };
            /** @description `validation_error`: The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "validation_error";
                    };
                };
            };
            /** @description `rate_limited`: Too many requests; try again shortly. */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "rate_limited";
                    };
                };
            };
            /** @description `internal_server_error`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "internal_server_error";
                    };
                };
            };
            /** @description `service_unavailable`: The service is temporarily unavailable; try again later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "service_unavailable";
                    };
                };
            };
        };
    };
    createIntakeLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The workspace */
                workspace_id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Customer identifier (slug format)
                     * @example acme-dental
                     */
                    customer_slug: string;
                    /** @description Display name shown on the upload page */
                    display_name?: string | null;
                    /** @description Hours until the link expires (default 168) */
                    expires_in_hours?: number;
                    /** @description Maximum number of files (default 100) */
                    max_uploads?: number;
                };
            };
        };
        responses: {
            /** @description The new link */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntakeLink"];
                };
            };
            /** @description `invalid_json`: The request body is not valid JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "invalid_json";
                    };
                };
            };
            /** @description `unauthorized`: A valid API key is required (Authorization: Bearer <key>). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "unauthorized";
                    };
                };
            };
            /** @description `forbidden`: This key may not act on that workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "forbidden";
                    };
                };
            };
            /** @description `not_found`: Nothing exists at this address. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "not_found";
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "payload_too_large";
                    };
                };
            };
            /** @description `validation_error`: The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "validation_error";
                    };
                };
            };
            /** @description `rate_limited`: Too many requests; try again shortly. */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "rate_limited";
                    };
                };
            };
            /** @description `internal_server_error`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "internal_server_error";
                    };
                };
            };
            /** @description `service_unavailable`: The service is temporarily unavailable; try again later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "service_unavailable";
                    };
                };
            };
        };
    };
    getIntakeLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The workspace */
                workspace_id: components["schemas"]["Uuid"];
                /** @description The link */
                link_id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntakeLink"];
                };
            };
            /** @description `unauthorized`: A valid API key is required (Authorization: Bearer <key>). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "unauthorized";
                    };
                };
            };
            /** @description `forbidden`: This key may not act on that workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "forbidden";
                    };
                };
            };
            /** @description `not_found`: Nothing exists at this address. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "not_found";
                    };
                };
            };
            /** @description `rate_limited`: Too many requests; try again shortly. */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "rate_limited";
                    };
                };
            };
            /** @description `internal_server_error`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "internal_server_error";
                    };
                };
            };
            /** @description `service_unavailable`: The service is temporarily unavailable; try again later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "service_unavailable";
                    };
                };
            };
        };
    };
    revokeIntakeLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The workspace */
                workspace_id: components["schemas"]["Uuid"];
                /** @description The link to revoke */
                link_id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `unauthorized`: A valid API key is required (Authorization: Bearer <key>). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "unauthorized";
                    };
                };
            };
            /** @description `forbidden`: This key may not act on that workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "forbidden";
                    };
                };
            };
            /** @description `not_found`: Nothing exists at this address. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "not_found";
                    };
                };
            };
            /** @description `rate_limited`: Too many requests; try again shortly. */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "rate_limited";
                    };
                };
            };
            /** @description `internal_server_error`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "internal_server_error";
                    };
                };
            };
            /** @description `service_unavailable`: The service is temporarily unavailable; try again later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "service_unavailable";
                    };
                };
            };
        };
    };
    listLinkUploads: {
        parameters: {
            query?: {
                /** @description Page size, 1-1000 (default 100) */
                limit?: number;
                /** @description The id of the last item of the previous page (taken from the Link header) */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description The workspace */
                workspace_id: components["schemas"]["Uuid"];
                /** @description The link to query */
                link_id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Array of upload objects */
            200: {
                headers: {
                    /** @description The next page, when there is one */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Upload"][];
                };
            };
            /** @description `unauthorized`: A valid API key is required (Authorization: Bearer <key>). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "unauthorized";
                    };
                };
            };
            /** @description `forbidden`: This key may not act on that workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "forbidden";
                    };
                };
            };
            /** @description `not_found`: Nothing exists at this address. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "not_found";
                    };
                };
            };
            /** @description `validation_error`: The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "validation_error";
                    };
                };
            };
            /** @description `rate_limited`: Too many requests; try again shortly. */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "rate_limited";
                    };
                };
            };
            /** @description `internal_server_error`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "internal_server_error";
                    };
                };
            };
            /** @description `service_unavailable`: The service is temporarily unavailable; try again later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "service_unavailable";
                    };
                };
            };
        };
    };
    uploadFile: {
        parameters: {
            query?: never;
            header: {
                /** @description Original filename (percent-encoded UTF-8 recommended); optional with multipart/form-data */
                "x-amigo-intake-filename": string;
                /** @description MIME type of the file; optional with multipart/form-data */
                "x-amigo-intake-content-type": string;
                /** @description File size (checked against the limit before the body is read) */
                "content-length"?: string;
                /** @description Optional, 8-128 printable ASCII characters, per link, kept 24 hours. A retry with the same key after a success answers the first 201 body again with `Idempotent-Replayed: true` and stores nothing; while the first attempt is in flight, 409 `idempotency_in_progress`. */
                "idempotency-key"?: string;
            };
            path: {
                /** @description The token from the link */
                link_token: string;
            };
            cookie?: never;
        };
        /** @description The file's raw bytes (whatever Content-Type the request names) */
        requestBody: {
            content: {
                "application/octet-stream": Blob;
            };
        };
        responses: {
            /** @description The file was received */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Upload"];
                };
            };
            /** @description The file was received (a request preferring text/html); Location is the page showing it */
            303: {
                headers: {
                    /** @description /upload/{link_token}/received/{upload_id} */
                    Location?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `invalid_link_token`: This is not a valid upload link. / `upload_incomplete`: The upload ended before the whole file arrived. / `too_many_files`: A request carries one file: send each file in a request of its own. / `bad_request`: The request could not be understood. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "invalid_link_token" | "upload_incomplete" | "too_many_files" | "bad_request";
                    };
                };
            };
            /** @description `link_not_found`: This upload link does not exist or was revoked. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "link_not_found";
                    };
                };
            };
            /** @description `idempotency_in_progress`: An upload with this Idempotency-Key is still in progress; retry once it has finished. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "idempotency_in_progress";
                    };
                };
            };
            /** @description `link_expired`: This upload link has expired. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "link_expired";
                    };
                };
            };
            /** @description `file_too_large`: The file is larger than the maximum allowed size. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "file_too_large";
                    };
                };
            };
            /** @description `invalid_filename`: The filename is missing or not allowed. / `unsupported_content_type`: This type of file is not accepted. / `validation_error`: The request is not valid. / `content_type_mismatch`: The file content does not match its declared type. / `empty_file`: The file is empty. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "invalid_filename" | "unsupported_content_type" | "validation_error" | "content_type_mismatch" | "empty_file";
                    };
                };
            };
            /** @description `upload_limit_reached`: This upload link has received all the files it allows. / `rate_limited`: Too many requests; try again shortly. */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "upload_limit_reached" | "rate_limited";
                    };
                };
            };
            /** @description `internal_server_error`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "internal_server_error";
                    };
                };
            };
            /** @description `storage_unavailable`: File storage is unavailable; try again later. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "storage_unavailable";
                    };
                };
            };
            /** @description `upload_service_not_configured`: File uploads are not configured on this server. / `service_unavailable`: The service is temporarily unavailable; try again later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "upload_service_not_configured" | "service_unavailable";
                    };
                };
            };
        };
    };
    downloadUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The workspace */
                workspace_id: components["schemas"]["Uuid"];
                /** @description The link */
                link_id: components["schemas"]["Uuid"];
                /** @description The upload */
                upload_id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description File bytes with original content type and filename */
            200: {
                headers: {
                    /** @description attachment; filename="..."; filename*=UTF-8''... */
                    "Content-Disposition"?: string;
                    /** @description private, no-store */
                    "Cache-Control"?: string;
                    /** @description nosniff */
                    "X-Content-Type-Options"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": Blob;
                    "text/csv": Blob;
                    "image/jpeg": Blob;
                    "image/png": Blob;
                    "application/msword": Blob;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": Blob;
                    "application/vnd.ms-powerpoint": Blob;
                    "application/vnd.openxmlformats-officedocument.presentationml.presentation": Blob;
                };
            };
            /** @description `unauthorized`: A valid API key is required (Authorization: Bearer <key>). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "unauthorized";
                    };
                };
            };
            /** @description `forbidden`: This key may not act on that workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "forbidden";
                    };
                };
            };
            /** @description `not_found`: Nothing exists at this address. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "not_found";
                    };
                };
            };
            /** @description `file_infected`: The virus scanner found a signature in this file; it cannot be downloaded, only deleted. / `scan_pending`: This file has not been scanned for viruses yet; try again shortly. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "file_infected" | "scan_pending";
                    };
                };
            };
            /** @description `rate_limited`: Too many requests; try again shortly. */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "rate_limited";
                    };
                };
            };
            /** @description `internal_server_error`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "internal_server_error";
                    };
                };
            };
            /** @description `storage_unavailable`: File storage is unavailable; try again later. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "storage_unavailable";
                    };
                };
            };
            /** @description `audit_unavailable`: The access could not be recorded in the audit trail, so it was refused. / `upload_service_not_configured`: File uploads are not configured on this server. / `service_unavailable`: The service is temporarily unavailable; try again later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "audit_unavailable" | "upload_service_not_configured" | "service_unavailable";
                    };
                };
            };
        };
    };
    deleteUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The workspace */
                workspace_id: components["schemas"]["Uuid"];
                /** @description The link */
                link_id: components["schemas"]["Uuid"];
                /** @description The upload */
                upload_id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `unauthorized`: A valid API key is required (Authorization: Bearer <key>). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "unauthorized";
                    };
                };
            };
            /** @description `forbidden`: This key may not act on that workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "forbidden";
                    };
                };
            };
            /** @description `not_found`: Nothing exists at this address. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "not_found";
                    };
                };
            };
            /** @description `rate_limited`: Too many requests; try again shortly. */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "rate_limited";
                    };
                };
            };
            /** @description `internal_server_error`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "internal_server_error";
                    };
                };
            };
            /** @description `service_unavailable`: The service is temporarily unavailable; try again later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "service_unavailable";
                    };
                };
            };
        };
    };
    rescanUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The workspace */
                workspace_id: components["schemas"]["Uuid"];
                /** @description The link */
                link_id: components["schemas"]["Uuid"];
                /** @description The upload */
                upload_id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The scan is queued; the upload as it is now (pending) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Upload"];
                };
            };
            /** @description `unauthorized`: A valid API key is required (Authorization: Bearer <key>). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "unauthorized";
                    };
                };
            };
            /** @description `forbidden`: This key may not act on that workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "forbidden";
                    };
                };
            };
            /** @description `not_found`: Nothing exists at this address. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "not_found";
                    };
                };
            };
            /** @description `scanner_not_configured`: No virus scanner is configured on this server. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "scanner_not_configured";
                    };
                };
            };
            /** @description `rate_limited`: Too many requests; try again shortly. */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "rate_limited";
                    };
                };
            };
            /** @description `internal_server_error`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "internal_server_error";
                    };
                };
            };
            /** @description `service_unavailable`: The service is temporarily unavailable; try again later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "service_unavailable";
                    };
                };
            };
        };
    };
    listAuditEvents: {
        parameters: {
            query?: {
                link_id?: string;
                upload_id?: string;
                /** @description Only events at or after this time */
                since?: string;
                /** @description Only events before this time */
                until?: string;
                /** @description Page size, 1-1000 (default 100) */
                limit?: number;
                /** @description The id of the last item of the previous page (taken from the Link header) */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description The workspace */
                workspace_id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Array of audit events */
            200: {
                headers: {
                    /** @description The next page, when there is one */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEvent"][];
                };
            };
            /** @description `unauthorized`: A valid API key is required (Authorization: Bearer <key>). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "unauthorized";
                    };
                };
            };
            /** @description `forbidden`: This key may not act on that workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "forbidden";
                    };
                };
            };
            /** @description `not_found`: Nothing exists at this address. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "not_found";
                    };
                };
            };
            /** @description `validation_error`: The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "validation_error";
                    };
                };
            };
            /** @description `rate_limited`: Too many requests; try again shortly. */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "rate_limited";
                    };
                };
            };
            /** @description `internal_server_error`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "internal_server_error";
                    };
                };
            };
            /** @description `service_unavailable`: The service is temporarily unavailable; try again later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "service_unavailable";
                    };
                };
            };
        };
    };
    getStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorStatus"];
                };
            };
            /** @description `unauthorized`: A valid API key is required (Authorization: Bearer <key>). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "unauthorized";
                    };
                };
            };
            /** @description `forbidden`: This key may not act on that workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "forbidden";
                    };
                };
            };
            /** @description `rate_limited`: Too many requests; try again shortly. */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "rate_limited";
                    };
                };
            };
            /** @description `internal_server_error`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "internal_server_error";
                    };
                };
            };
            /** @description `service_unavailable`: The service is temporarily unavailable; try again later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "service_unavailable";
                    };
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: {
                /** @description Page size, 1-1000 (default 100) */
                limit?: number;
                /** @description The id of the last item of the previous page (taken from the Link header) */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description The workspace */
                workspace_id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Array of webhooks */
            200: {
                headers: {
                    /** @description The next page, when there is one */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"][];
                };
            };
            /** @description `unauthorized`: A valid API key is required (Authorization: Bearer <key>). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "unauthorized";
                    };
                };
            };
            /** @description `forbidden`: This key may not act on that workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "forbidden";
                    };
                };
            };
            /** @description `not_found`: Nothing exists at this address. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "not_found";
                    };
                };
            };
            /** @description `validation_error`: The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "validation_error";
                    };
                };
            };
            /** @description `rate_limited`: Too many requests; try again shortly. */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "rate_limited";
                    };
                };
            };
            /** @description `internal_server_error`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "internal_server_error";
                    };
                };
            };
            /** @description `service_unavailable`: The service is temporarily unavailable; try again later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "service_unavailable";
                    };
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The workspace */
                workspace_id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Where deliveries are POSTed (http or https, a public address) */
                    url: string;
                    /** @description The event types to receive */
                    events: ("link.created" | "link.revoked" | "link.exhausted" | "link.expired" | "upload.received" | "upload.downloaded" | "upload.download_refused" | "upload.scanned" | "upload.infected" | "upload.deleted")[];
                    description?: string | null;
                };
            };
        };
        responses: {
            /** @description The new endpoint, with its secret */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookWithSecret"];
                };
            };
            /** @description `invalid_json`: The request body is not valid JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "invalid_json";
                    };
                };
            };
            /** @description `unauthorized`: A valid API key is required (Authorization: Bearer <key>). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "unauthorized";
                    };
                };
            };
            /** @description `forbidden`: This key may not act on that workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "forbidden";
                    };
                };
            };
            /** @description `not_found`: Nothing exists at this address. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "not_found";
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "payload_too_large";
                    };
                };
            };
            /** @description `validation_error`: The request is not valid. / `webhook_url_not_allowed`: Webhook URLs must reach a public address. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "validation_error" | "webhook_url_not_allowed";
                    };
                };
            };
            /** @description `rate_limited`: Too many requests; try again shortly. */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "rate_limited";
                    };
                };
            };
            /** @description `internal_server_error`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "internal_server_error";
                    };
                };
            };
            /** @description `service_unavailable`: The service is temporarily unavailable; try again later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "service_unavailable";
                    };
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The workspace */
                workspace_id: components["schemas"]["Uuid"];
                /** @description The webhook */
                webhook_id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description `unauthorized`: A valid API key is required (Authorization: Bearer <key>). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "unauthorized";
                    };
                };
            };
            /** @description `forbidden`: This key may not act on that workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "forbidden";
                    };
                };
            };
            /** @description `not_found`: Nothing exists at this address. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "not_found";
                    };
                };
            };
            /** @description `rate_limited`: Too many requests; try again shortly. */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "rate_limited";
                    };
                };
            };
            /** @description `internal_server_error`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "internal_server_error";
                    };
                };
            };
            /** @description `service_unavailable`: The service is temporarily unavailable; try again later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "service_unavailable";
                    };
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The workspace */
                workspace_id: components["schemas"]["Uuid"];
                /** @description The webhook */
                webhook_id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `unauthorized`: A valid API key is required (Authorization: Bearer <key>). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "unauthorized";
                    };
                };
            };
            /** @description `forbidden`: This key may not act on that workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "forbidden";
                    };
                };
            };
            /** @description `not_found`: Nothing exists at this address. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "not_found";
                    };
                };
            };
            /** @description `rate_limited`: Too many requests; try again shortly. */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "rate_limited";
                    };
                };
            };
            /** @description `internal_server_error`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "internal_server_error";
                    };
                };
            };
            /** @description `service_unavailable`: The service is temporarily unavailable; try again later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "service_unavailable";
                    };
                };
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The workspace */
                workspace_id: components["schemas"]["Uuid"];
                /** @description The webhook */
                webhook_id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url?: string;
                    events?: ("link.created" | "link.revoked" | "link.exhausted" | "link.expired" | "upload.received" | "upload.downloaded" | "upload.download_refused" | "upload.scanned" | "upload.infected" | "upload.deleted")[];
                    /** @description false pauses deliveries; true re-enables (and clears the failure count) */
                    enabled?: boolean;
                    description?: string | null;
                };
            };
        };
        responses: {
            /** @description The webhook as changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description `invalid_json`: The request body is not valid JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "invalid_json";
                    };
                };
            };
            /** @description `unauthorized`: A valid API key is required (Authorization: Bearer <key>). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "unauthorized";
                    };
                };
            };
            /** @description `forbidden`: This key may not act on that workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "forbidden";
                    };
                };
            };
            /** @description `not_found`: Nothing exists at this address. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "not_found";
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "payload_too_large";
                    };
                };
            };
            /** @description `validation_error`: The request is not valid. / `webhook_url_not_allowed`: Webhook URLs must reach a public address. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "validation_error" | "webhook_url_not_allowed";
                    };
                };
            };
            /** @description `rate_limited`: Too many requests; try again shortly. */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "rate_limited";
                    };
                };
            };
            /** @description `internal_server_error`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "internal_server_error";
                    };
                };
            };
            /** @description `service_unavailable`: The service is temporarily unavailable; try again later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "service_unavailable";
                    };
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The workspace */
                workspace_id: components["schemas"]["Uuid"];
                /** @description The webhook */
                webhook_id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook with its new secret */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookWithSecret"];
                };
            };
            /** @description `unauthorized`: A valid API key is required (Authorization: Bearer <key>). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "unauthorized";
                    };
                };
            };
            /** @description `forbidden`: This key may not act on that workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "forbidden";
                    };
                };
            };
            /** @description `not_found`: Nothing exists at this address. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "not_found";
                    };
                };
            };
            /** @description `rate_limited`: Too many requests; try again shortly. */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "rate_limited";
                    };
                };
            };
            /** @description `internal_server_error`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "internal_server_error";
                    };
                };
            };
            /** @description `service_unavailable`: The service is temporarily unavailable; try again later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "service_unavailable";
                    };
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description Page size, 1-1000 (default 100) */
                limit?: number;
                /** @description The id of the last item of the previous page (taken from the Link header) */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description The workspace */
                workspace_id: components["schemas"]["Uuid"];
                /** @description The webhook */
                webhook_id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Array of deliveries */
            200: {
                headers: {
                    /** @description The next page, when there is one */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"][];
                };
            };
            /** @description `unauthorized`: A valid API key is required (Authorization: Bearer <key>). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "unauthorized";
                    };
                };
            };
            /** @description `forbidden`: This key may not act on that workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "forbidden";
                    };
                };
            };
            /** @description `not_found`: Nothing exists at this address. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "not_found";
                    };
                };
            };
            /** @description `validation_error`: The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "validation_error";
                    };
                };
            };
            /** @description `rate_limited`: Too many requests; try again shortly. */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "rate_limited";
                    };
                };
            };
            /** @description `internal_server_error`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "internal_server_error";
                    };
                };
            };
            /** @description `service_unavailable`: The service is temporarily unavailable; try again later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "service_unavailable";
                    };
                };
            };
        };
    };
    redeliverWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The workspace */
                workspace_id: components["schemas"]["Uuid"];
                /** @description The webhook */
                webhook_id: components["schemas"]["Uuid"];
                /** @description The delivery */
                delivery_id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description `unauthorized`: A valid API key is required (Authorization: Bearer <key>). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "unauthorized";
                    };
                };
            };
            /** @description `forbidden`: This key may not act on that workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "forbidden";
                    };
                };
            };
            /** @description `not_found`: Nothing exists at this address. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "not_found";
                    };
                };
            };
            /** @description `rate_limited`: Too many requests; try again shortly. */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "rate_limited";
                    };
                };
            };
            /** @description `internal_server_error`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "internal_server_error";
                    };
                };
            };
            /** @description `service_unavailable`: The service is temporarily unavailable; try again later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "service_unavailable";
                    };
                };
            };
        };
    };
    tusCreateUpload: {
        parameters: {
            query?: never;
            header: {
                /** @description Always `1.0.0` */
                "Tus-Resumable": string;
                /** @description The size of the whole file in bytes */
                "Upload-Length": string;
                /** @description `filename` and `filetype` (or Uppy's `name` and `type`), each as `key base64(value)`, comma-separated */
                "Upload-Metadata": string;
            };
            path: {
                /** @description The token from the link */
                link_token: string;
            };
            cookie?: never;
        };
        /** @description Optional: the first bytes of the file (Content-Type: application/offset+octet-stream) */
        requestBody: {
            content: {
                "application/offset+octet-stream": Blob;
            };
        };
        responses: {
            /** @description The upload was created */
            201: {
                headers: {
                    /** @description /upload/{link_token}/tus/{upload_id} (relative) */
                    Location?: string;
                    /** @description Bytes kept so far */
                    "Upload-Offset"?: string;
                    /** @description When the unfinished upload is removed and its slot released (24 hours after its last PATCH) */
                    "Upload-Expires"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `invalid_link_token`: This is not a valid upload link. / `bad_request`: The request could not be understood. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "invalid_link_token" | "bad_request";
                    };
                };
            };
            /** @description `link_not_found`: This upload link does not exist or was revoked. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "link_not_found";
                    };
                };
            };
            /** @description `link_expired`: This upload link has expired. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "link_expired";
                    };
                };
            };
            /** @description `tus_resumable_required`: This server speaks tus 1.0.0: send Tus-Resumable: 1.0.0. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "tus_resumable_required";
                    };
                };
            };
            /** @description `file_too_large`: The file is larger than the maximum allowed size. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "file_too_large";
                    };
                };
            };
            /** @description `invalid_filename`: The filename is missing or not allowed. / `unsupported_content_type`: This type of file is not accepted. / `validation_error`: The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "invalid_filename" | "unsupported_content_type" | "validation_error";
                    };
                };
            };
            /** @description `rate_limited`: Too many requests; try again shortly. / `upload_limit_reached`: This upload link has received all the files it allows. */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "rate_limited" | "upload_limit_reached";
                    };
                };
            };
            /** @description `internal_server_error`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "internal_server_error";
                    };
                };
            };
            /** @description `service_unavailable`: The service is temporarily unavailable; try again later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "service_unavailable";
                    };
                };
            };
        };
    };
    tusOptions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The token from the link */
                link_token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tus version, extensions and maximum size */
            204: {
                headers: {
                    /** @description `1.0.0` */
                    "Tus-Version"?: string;
                    /** @description The supported extensions, comma-separated */
                    "Tus-Extension"?: string;
                    /** @description 104857600 (MAX_UPLOAD_BYTES) */
                    "Tus-Max-Size"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `internal_server_error`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "internal_server_error";
                    };
                };
            };
            /** @description `service_unavailable`: The service is temporarily unavailable; try again later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "service_unavailable";
                    };
                };
            };
        };
    };
    tusTerminate: {
        parameters: {
            query?: never;
            header: {
                /** @description Always `1.0.0` */
                "Tus-Resumable": string;
            };
            path: {
                /** @description The token from the link */
                link_token: string;
                /** @description The id at the end of the Location the creation answered */
                upload_id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The upload was removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `invalid_link_token`: This is not a valid upload link. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "invalid_link_token";
                    };
                };
            };
            /** @description `link_not_found`: This upload link does not exist or was revoked. / `not_found`: Nothing exists at this address. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "link_not_found" | "not_found";
                    };
                };
            };
            /** @description `link_expired`: This upload link has expired. / `upload_expired`: This unfinished upload expired (nothing arrived for 24 hours) and was removed; start it again. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "link_expired" | "upload_expired";
                    };
                };
            };
            /** @description `tus_resumable_required`: This server speaks tus 1.0.0: send Tus-Resumable: 1.0.0. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "tus_resumable_required";
                    };
                };
            };
            /** @description `rate_limited`: Too many requests; try again shortly. */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "rate_limited";
                    };
                };
            };
            /** @description `internal_server_error`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "internal_server_error";
                    };
                };
            };
            /** @description `service_unavailable`: The service is temporarily unavailable; try again later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "service_unavailable";
                    };
                };
            };
        };
    };
    tusUploadOffset: {
        parameters: {
            query?: never;
            header: {
                /** @description Always `1.0.0` */
                "Tus-Resumable": string;
            };
            path: {
                /** @description The token from the link */
                link_token: string;
                /** @description The id at the end of the Location the creation answered */
                upload_id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The offset to resume from; an upload whose bytes all arrived but whose finish failed is finished here */
            200: {
                headers: {
                    /** @description Bytes held */
                    "Upload-Offset"?: string;
                    /** @description The whole size */
                    "Upload-Length"?: string;
                    /** @description When the unfinished upload is removed and its slot released (24 hours after its last PATCH) */
                    "Upload-Expires"?: string;
                    /** @description The stored upload, once finished */
                    "Intake-Upload-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `invalid_link_token`: This is not a valid upload link. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "invalid_link_token";
                    };
                };
            };
            /** @description `link_not_found`: This upload link does not exist or was revoked. / `not_found`: Nothing exists at this address. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "link_not_found" | "not_found";
                    };
                };
            };
            /** @description `link_expired`: This upload link has expired. / `upload_expired`: This unfinished upload expired (nothing arrived for 24 hours) and was removed; start it again. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "link_expired" | "upload_expired";
                    };
                };
            };
            /** @description `tus_resumable_required`: This server speaks tus 1.0.0: send Tus-Resumable: 1.0.0. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "tus_resumable_required";
                    };
                };
            };
            /** @description `rate_limited`: Too many requests; try again shortly. */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "rate_limited";
                    };
                };
            };
            /** @description `internal_server_error`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "internal_server_error";
                    };
                };
            };
            /** @description `service_unavailable`: The service is temporarily unavailable; try again later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "service_unavailable";
                    };
                };
            };
        };
    };
    tusAppend: {
        parameters: {
            query?: never;
            header: {
                /** @description Always `1.0.0` */
                "Tus-Resumable": string;
                /** @description Where these bytes start (the offset HEAD answered) */
                "Upload-Offset": string;
            };
            path: {
                /** @description The token from the link */
                link_token: string;
                /** @description The id at the end of the Location the creation answered */
                upload_id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        /** @description The bytes from Upload-Offset on */
        requestBody: {
            content: {
                "application/offset+octet-stream": Blob;
            };
        };
        responses: {
            /** @description The bytes were kept */
            204: {
                headers: {
                    /** @description Bytes held now */
                    "Upload-Offset"?: string;
                    /** @description When the unfinished upload is removed and its slot released (24 hours after its last PATCH) */
                    "Upload-Expires"?: string;
                    /** @description The stored upload (on the PATCH that completes the file) */
                    "Intake-Upload-Id"?: string;
                    /** @description Its SHA-256 (on the PATCH that completes the file) */
                    "Intake-Upload-Sha256"?: string;
                    /** @description Its scan status (on the PATCH that completes the file) */
                    "Intake-Scan-Status"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `invalid_link_token`: This is not a valid upload link. / `upload_incomplete`: The upload ended before the whole file arrived. / `bad_request`: The request could not be understood. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "invalid_link_token" | "upload_incomplete" | "bad_request";
                    };
                };
            };
            /** @description `link_not_found`: This upload link does not exist or was revoked. / `not_found`: Nothing exists at this address. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "link_not_found" | "not_found";
                    };
                };
            };
            /** @description `upload_offset_conflict`: Upload-Offset does not match the bytes the server holds; ask with HEAD and resume from there. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "upload_offset_conflict";
                    };
                };
            };
            /** @description `link_expired`: This upload link has expired. / `upload_expired`: This unfinished upload expired (nothing arrived for 24 hours) and was removed; start it again. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "link_expired" | "upload_expired";
                    };
                };
            };
            /** @description `tus_resumable_required`: This server speaks tus 1.0.0: send Tus-Resumable: 1.0.0. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "tus_resumable_required";
                    };
                };
            };
            /** @description `file_too_large`: The file is larger than the maximum allowed size. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "file_too_large";
                    };
                };
            };
            /** @description `content_type_mismatch`: The file content does not match its declared type. / `empty_file`: The file is empty. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "content_type_mismatch" | "empty_file";
                    };
                };
            };
            /** @description `rate_limited`: Too many requests; try again shortly. / `upload_limit_reached`: This upload link has received all the files it allows. */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "rate_limited" | "upload_limit_reached";
                    };
                };
            };
            /** @description `internal_server_error`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "internal_server_error";
                    };
                };
            };
            /** @description `storage_unavailable`: File storage is unavailable; try again later. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "storage_unavailable";
                    };
                };
            };
            /** @description `upload_service_not_configured`: File uploads are not configured on this server. / `service_unavailable`: The service is temporarily unavailable; try again later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error_code?: "upload_service_not_configured" | "service_unavailable";
                    };
                };
            };
        };
    };
}
