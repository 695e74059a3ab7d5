// Generated from openapi/classifaily.openapi.yaml by scripts/generate.mjs. Do not edit.
/* eslint-disable */
export interface paths {
    "/v1/classify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Classify one text
         * @description Classifies `input` into exactly one of the given `categories` (or the categories of a saved `schema`), with a confidence in [0, 1] and, with `explain`, one or two sentences of why.
         */
        post: operations["classify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/classify/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Classify up to 25 texts in one call
         * @description Classifies 1 to 25 items against the same categories (or schema). `results` holds one entry per item in request order, each with its `index` and the caller's `id`, and either a `result` or its own `error`: one bad item does not fail the others. A request with more than 25 items is refused whole (422, `batch_too_large`).
         */
        post: operations["classifyBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schemas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List saved schemas
         * @description Newest first, paginated with an opaque cursor.
         */
        get: operations["listSchemas"];
        put?: never;
        /** Save a schema */
        post: operations["createSchema"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schemas/{schema_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The schema's id. */
                schema_id: components["schemas"]["SchemaId"];
            };
            cookie?: never;
        };
        /** Get a schema */
        get: operations["getSchema"];
        put?: never;
        post?: never;
        /** Delete a schema */
        delete: operations["deleteSchema"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who this key belongs to
         * @description The account and key behind the `Authorization` header. Every integration uses it to test a connection and to label it.
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description The text to classify (1 to 20,000 characters counted in code points, not only whitespace or control characters). */
        Input: string;
        /** @description A category label (1 to 100 characters). */
        CategoryName: string;
        /** @description 2 to 50 distinct category labels. */
        Categories: components["schemas"]["CategoryName"][];
        /** @description A saved schema's id. */
        SchemaId: string;
        /** @description Exactly one of `categories` and `schema`. */
        ClassifyRequest: {
            input: components["schemas"]["Input"];
            categories?: components["schemas"]["Categories"];
            schema?: components["schemas"]["SchemaId"];
            /**
             * @description Add one or two sentences explaining the label.
             * @default false
             */
            explain?: boolean;
        };
        BatchItem: {
            /** @description The text to classify. An empty or too long input fails only this item (its `error`), not the batch. */
            input: string;
            /** @description Your own reference, echoed back on this item's result. */
            id?: string;
        };
        /** @description Exactly one of `categories` and `schema`; 1 to 25 items. */
        ClassifyBatchRequest: {
            items: components["schemas"]["BatchItem"][];
            categories?: components["schemas"]["Categories"];
            schema?: components["schemas"]["SchemaId"];
            /**
             * @description Add one or two sentences explaining each label.
             * @default false
             */
            explain?: boolean;
        };
        /** @description One classification, the same in a single answer and in each completed batch item. Its `id` and `scores` are our assumption: an answer without them is still a classification. */
        ClassificationResult: {
            /** @description The classification's id (`cls_…`), to quote to support. In a single classification it is the answer's `id`; in a batch each item has its own. */
            id?: string;
            /** @description The chosen category. */
            label: string;
            /** @description How sure the classifier is, from 0 to 1. Below 0.80, route to human review. */
            confidence: number;
            /** @description One or two sentences of why (only with `explain`), at most 1,000 characters. */
            explanation?: string;
            /** @description Every category's confidence, by category label. */
            scores?: {
                [key: string]: number;
            };
        };
        Classification: {
            /** @description The classification's id. */
            id: string;
            /** @enum {string} */
            status: "completed";
            /** @enum {string} */
            type: "text";
            result: components["schemas"]["ClassificationResult"];
        };
        /** @description Why one batch item failed. */
        ItemError: {
            /** @description A stable machine code: `input_empty` (nothing visible), `input_malformed` (a lone UTF-16 surrogate) or `input_too_long`. */
            code: string;
            title: string;
            detail: string;
            /** @description The item's field at fault, such as `input`. */
            field?: string;
        };
        BatchItemResult: {
            /** @description The item's position in the request, from 0. */
            index: number;
            /** @description The caller's `id` for the item, if it gave one. */
            id?: string;
            /** @enum {string} */
            status: "completed" | "failed";
            result?: components["schemas"]["ClassificationResult"];
            error?: components["schemas"]["ItemError"];
        };
        BatchClassification: {
            id: string;
            /** @enum {string} */
            status: "completed";
            /** @enum {string} */
            type: "batch";
            results: components["schemas"]["BatchItemResult"][];
            summary: {
                total: number;
                succeeded: number;
                failed: number;
            };
        };
        SchemaCategory: {
            name: components["schemas"]["CategoryName"];
            /** @description What belongs in this category; it helps the classifier. */
            description?: string;
        };
        CreateSchemaRequest: {
            name: string;
            categories: components["schemas"]["SchemaCategory"][];
        };
        Schema: {
            id: components["schemas"]["SchemaId"];
            /** @enum {string} */
            object: "schema";
            name: string;
            categories: components["schemas"]["SchemaCategory"][];
            /** Format: date-time */
            created_at: string;
        };
        SchemaList: {
            /** @enum {string} */
            object: "list";
            data: components["schemas"]["Schema"][];
            has_more: boolean;
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            next_cursor?: string | null;
        };
        DeletedSchema: {
            id: components["schemas"]["SchemaId"];
            /** @enum {string} */
            object: "schema";
            /** @enum {boolean} */
            deleted: true;
        };
        Me: {
            /** @enum {string} */
            object: "me";
            account: {
                id: string;
                name: string;
            };
            key: {
                name: string;
                /** @enum {string} */
                mode: "live" | "test";
                /** @description True for a key that may only read (list and get schemas): it cannot classify or change anything. Connection labels say so, so that such a key is not a surprise at the first step. An API that leaves it out says nothing either way. */
                read_only?: boolean;
            };
        };
        FieldError: {
            /** @description The field at fault, as a path (`categories[2]`). */
            field: string;
            /** @description What is wrong with the field: the JSON Schema keyword it breaks (`minLength`, `additionalProperties`, ...) or a text rule: `input_empty`, `input_malformed`, `category_empty`, `category_malformed`, `name_empty`, `name_malformed`, `description_malformed` (empty means only whitespace, control or format characters; malformed means a lone UTF-16 surrogate). */
            code: string;
            message: string;
        };
        /** @description An RFC 9457 problem detail with Classifaily's `code` and `request_id`. */
        Problem: {
            /** Format: uri-reference */
            type: string;
            title: string;
            status: number;
            detail?: string;
            /** @description A stable machine code: `malformed_json`, `invalid_request`, `validation_failed`, `batch_too_large`, `missing_api_key`, `invalid_api_key`, `revoked_api_key`, `permission_denied`, `not_found`, `schema_not_found`, `idempotency_key_in_use`, `idempotency_key_reused`, `payload_too_large`, `unsupported_media_type`, `rate_limited`, `internal_error`, `service_unavailable`, `method_not_allowed`, `request_timeout`, `headers_too_large`. */
            code: string;
            request_id: string;
            errors?: components["schemas"]["FieldError"][];
        };
    };
    responses: {
        /** @description The request is malformed (not JSON or not UTF-8, wrong types, unknown fields, a text with a lone surrogate). */
        BadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Missing, malformed, unknown or revoked API key. */
        Unauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The key may not do this (for example, a read-only key). */
        Forbidden: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The schema (or path) does not exist. */
        NotFound: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The first request with this `Idempotency-Key` is still running; retry later. */
        Conflict: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is larger than 1 MiB. */
        PayloadTooLarge: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is not `application/json`. */
        UnsupportedMediaType: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request is well-formed but breaks a rule (a limit, an empty text, a duplicate category, both or neither of `categories` and `schema`). */
        UnprocessableEntity: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Rate limit reached; wait `Retry-After` seconds. */
        TooManyRequests: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Retry-After": components["headers"]["Retry-After"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Something failed on our side; safe to retry. */
        InternalError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Temporarily overloaded or down; wait `Retry-After` seconds. */
        ServiceUnavailable: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description A unique key per logical request (a UUID). Repeating a request with the same key returns the first response and never applies or bills it twice; the same key with a different body is refused (422, `idempotency_key_reused`); while the first request is still running, 409 `idempotency_key_in_use` (retry later). */
        IdempotencyKey: string;
    };
    requestBodies: never;
    headers: {
        /** @description The id of this request; quote it to support. */
        "X-Request-Id": string;
        /** @description `true` when this response is the stored answer to an earlier request with the same `Idempotency-Key`. */
        "Idempotent-Replayed": "true";
        /** @description Requests allowed per window for this key. */
        "RateLimit-Limit": number;
        /** @description Requests left in the current window. */
        "RateLimit-Remaining": number;
        /** @description Seconds until the window resets. */
        "RateLimit-Reset": number;
        /** @description Seconds to wait before retrying. */
        "Retry-After": number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    classify: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key per logical request (a UUID). Repeating a request with the same key returns the first response and never applies or bills it twice; the same key with a different body is refused (422, `idempotency_key_reused`); while the first request is still running, 409 `idempotency_key_in_use` (retry later). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "input": "I cannot log in - the password reset email never arrives.",
                 *       "categories": [
                 *         "billing",
                 *         "technical_bug",
                 *         "account_access",
                 *         "feature_request"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ClassifyRequest"];
            };
        };
        responses: {
            /** @description The classification. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "cls_8f2k4q9x",
                     *       "status": "completed",
                     *       "type": "text",
                     *       "result": {
                     *         "id": "cls_8f2k4q9x",
                     *         "label": "account_access",
                     *         "confidence": 0.94
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Classification"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    classifyBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key per logical request (a UUID). Repeating a request with the same key returns the first response and never applies or bills it twice; the same key with a different body is refused (422, `idempotency_key_reused`); while the first request is still running, 409 `idempotency_key_in_use` (retry later). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "items": [
                 *         {
                 *           "id": "ticket-1",
                 *           "input": "I was charged twice this month."
                 *         },
                 *         {
                 *           "id": "ticket-2",
                 *           "input": "The export button crashes the app."
                 *         }
                 *       ],
                 *       "categories": [
                 *         "billing",
                 *         "technical_bug",
                 *         "account_access",
                 *         "feature_request"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ClassifyBatchRequest"];
            };
        };
        responses: {
            /** @description One result or error per item, in request order. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchClassification"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listSchemas: {
        parameters: {
            query?: {
                /** @description How many schemas per page. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Only schemas whose name is exactly this (case-insensitive). */
                name?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of schemas. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SchemaList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createSchema: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key per logical request (a UUID). Repeating a request with the same key returns the first response and never applies or bills it twice; the same key with a different body is refused (422, `idempotency_key_reused`); while the first request is still running, 409 `idempotency_key_in_use` (retry later). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Support triage",
                 *       "categories": [
                 *         {
                 *           "name": "billing",
                 *           "description": "Charges, invoices, refunds and payment methods."
                 *         },
                 *         {
                 *           "name": "account_access",
                 *           "description": "Logging in, passwords, two-factor and locked accounts."
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["CreateSchemaRequest"];
            };
        };
        responses: {
            /** @description The saved schema. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Schema"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getSchema: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The schema's id. */
                schema_id: components["schemas"]["SchemaId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The schema. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Schema"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteSchema: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The schema's id. */
                schema_id: components["schemas"]["SchemaId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The schema is deleted. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletedSchema"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account and key. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
