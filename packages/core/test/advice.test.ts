// The words a person reads for core's errors, platform by platform (advice.ts): core's hint unless
// the platform lacks what the hint names, then the platform's own advice.
import { ConnectionError, errorFromResponse, failureText, HINTS, HINTS_ON } from '../src';

describe('failureText', () => {
  it('says to check the schema ID only for a missing schema', () => {
    const schema = errorFromResponse(
      404,
      { code: 'schema_not_found', detail: 'No schema "sch_1".' },
      'req_1',
    );
    expect(failureText(schema, 'make')).toBe(
      'No schema "sch_1". Check the schema ID, or pick the schema again from the list. (request req_1)',
    );
    const path = errorFromResponse(
      404,
      { code: 'not_found', detail: 'There is no GET /v1/me.' },
      'req_2',
    );
    expect(failureText(path, 'make')).toBe(
      'There is no GET /v1/me. If this keeps happening, contact Classifaily support. (request req_2)',
    );
  });

  it('names the base URL and the concurrency where the platform has them, not on Zapier', () => {
    const unreachable = new ConnectionError('Could not reach Classifaily.', {
      hint: HINTS.unreachable,
    });
    expect(failureText(unreachable, 'n8n')).toContain('Check the base URL in the connection');
    expect(failureText(unreachable, 'zapier')).toBe(
      `Temporary problem, try again later: Could not reach Classifaily. ${HINTS_ON.zapier.unreachable}`,
    );
    const limited = errorFromResponse(429, { detail: 'Slow down.' }, undefined);
    expect(failureText(limited, 'make')).toContain('lower the concurrency');
    expect(failureText(limited, 'zapier')).toBe(`Slow down. ${HINTS_ON.zapier.rateLimit}`);
    expect(failureText(limited, 'zapier')).not.toMatch(/concurrency/i);
  });
});
