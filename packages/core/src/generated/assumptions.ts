// Generated from openapi/classifaily.openapi.yaml by scripts/generate.mjs. Do not edit.

/** What the integrations assume beyond the vendor page, by key (docs/api/assumptions.md). */
export const ASSUMPTIONS = {
  "me-endpoint": {
    "title": "`GET /v1/me` tells who a key belongs to",
    "without": "Zapier's connection test sends a classification the API must refuse before doing any work (an empty body): 401 means a wrong key, 400 or 422 a key the API accepted (decision 0036); the connection is labelled with the service's name only. n8n's credential test and Make's connection validation do not call it: they read one schema (decision 0038).",
    "needs": {
      "n8n": [],
      "zapier": [
        "Connection test",
        "Connection label"
      ],
      "make": []
    }
  },
  "test-keys": {
    "title": "Test-mode keys start with `cai_test_`",
    "without": "Only `cai_live_` keys are documented; a `cai_test_` key is still accepted and sent.",
    "needs": {
      "n8n": [
        "Credential (API key check)"
      ],
      "zapier": [
        "Connection (API key check)"
      ],
      "make": [
        "Connection (API key check)"
      ]
    }
  },
  "result-id": {
    "title": "Each result carries its own `id` (`result.id`)",
    "without": "A single classification's id is read from the answer's top-level `id`; a batch item without one has no Classification ID (the field is left out, never invented).",
    "needs": {
      "n8n": [
        "Classification ID of items classified in a batch"
      ],
      "zapier": [
        "Classification ID of each Classify Batch line item"
      ],
      "make": [
        "Classification ID of each Classify Batch bundle"
      ]
    }
  },
  "scores": {
    "title": "Every category's confidence (`result.scores`)",
    "without": "The Scores output is left out (never zeros); label, confidence and Needs Review still come.",
    "needs": {
      "n8n": [
        "Scores output"
      ],
      "zapier": [
        "Scores output (Paths on scores)"
      ],
      "make": [
        "Scores output (Router filters on scores)"
      ]
    }
  },
  "batch-endpoint": {
    "title": "`POST /v1/classify/batch` and its request and answer shapes",
    "without": "Unavailable; classify one text at a time.",
    "needs": {
      "n8n": [
        "Classify (items are sent in batches of up to 25)"
      ],
      "zapier": [
        "Classify Batch"
      ],
      "make": [
        "Classify Batch"
      ]
    }
  },
  "schemas": {
    "title": "Saved schemas (`/v1/schemas`, the `schema` field) and their shapes",
    "without": "Unavailable; classify with a category list. n8n's credential test and Make's connection validation read one schema (`GET /v1/schemas?limit=1`, decision 0038): without schemas, n8n reports the test failed but saves the credential, and Make does not save the connection.",
    "needs": {
      "n8n": [
        "Credential test",
        "Schema dropdown",
        "Create Schema",
        "Get Schema",
        "Get Many Schemas",
        "Delete Schema"
      ],
      "zapier": [
        "Schema dropdown",
        "Create Schema",
        "Find Schema"
      ],
      "make": [
        "Connection validation",
        "Schema dropdown",
        "Create Schema",
        "Get Schema",
        "List Schemas",
        "Delete Schema"
      ]
    }
  },
  "problem-details": {
    "title": "Errors are `application/problem+json` with a `code`, `request_id` and field `errors`",
    "without": "An error is explained by its HTTP status alone.",
    "needs": {
      "n8n": [
        "Error messages naming the field at fault"
      ],
      "zapier": [
        "Error messages naming the field at fault"
      ],
      "make": [
        "Error messages naming the field at fault"
      ]
    }
  },
  "request-id": {
    "title": "Every answer carries `X-Request-Id`",
    "without": "Errors do not quote a request id.",
    "needs": {
      "n8n": [
        "Request id in error messages"
      ],
      "zapier": [
        "Request id in error messages"
      ],
      "make": [
        "Request id in error messages"
      ]
    }
  },
  "idempotency": {
    "title": "`Idempotency-Key` makes a repeated POST return the first answer, applied and billed once",
    "without": "A retry after a lost answer may be classified and billed twice.",
    "needs": {
      "n8n": [
        "Retries billed once"
      ],
      "zapier": [
        "Retries and Zap replays billed once"
      ],
      "make": [
        "Retries billed once"
      ]
    }
  },
  "rate-limits": {
    "title": "429 and 503 carry `Retry-After`; answers carry `RateLimit-*`",
    "without": "The client backs off with jitter instead of waiting the time the API asks for.",
    "needs": {
      "n8n": [
        "Waiting out a rate limit"
      ],
      "zapier": [
        "Throttled steps retried after the API's delay"
      ],
      "make": [
        "Rate-limit errors with the API's delay"
      ]
    }
  },
  "read-only-keys": {
    "title": "Read-only keys exist and are refused with 403 where they may not write",
    "without": "A 403 is still an error the user reads; only its wording assumes a read-only key.",
    "needs": {
      "n8n": [
        "Permission error wording"
      ],
      "zapier": [
        "Permission error wording"
      ],
      "make": [
        "Permission error wording"
      ]
    }
  },
  "limits": {
    "title": "The limits in `x-classifaily-limits`, except the batch size of 25 the page documents",
    "without": "A text or list the API would refuse is refused before it is sent with these numbers; if the API's numbers differ, its own 400 or 422 is shown.",
    "needs": {
      "n8n": [
        "Checks before sending"
      ],
      "zapier": [
        "Checks before sending"
      ],
      "make": [
        "Checks before sending"
      ]
    }
  }
} as const;

export type AssumptionKey = keyof typeof ASSUMPTIONS;
