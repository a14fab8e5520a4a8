/** Base class of the generated resource classes (`client.chat.completions`, …). */

import type { BaseClient } from './client';

/** A group of API methods sharing the client that sends their requests. */
export class APIResource {
  protected _client: BaseClient;

  constructor(client: BaseClient) {
    this._client = client;
  }
}
