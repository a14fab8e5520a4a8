/**
 * A one-file spec of one operation and two schemas, `Pong` (with `description`) and `Other`: changing the
 * description changes one schema, what the caches of a regeneration are tested on (format cache, emit and lint
 * records, `--watch`).
 */
export const pongSpec = (description: string): string => `openapi: 3.1.0
info: { title: Tiny, version: 1.0.0 }
servers: [{ url: 'https://api.example.com' }]
paths:
  /ping:
    get:
      operationId: ping
      responses:
        '200':
          description: OK
          content: { application/json: { schema: { $ref: '#/components/schemas/Pong' } } }
components:
  schemas:
    Pong: { type: object, description: '${description}', properties: { ok: { type: boolean } }, required: [ok] }
    Other: { type: object, properties: { n: { type: integer } } }
`;
