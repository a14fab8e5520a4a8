/**
 * A request body the API does not require, beside other parameters (golden case `optional-body-beside-params`): a
 * call gives every field the body requires, or none of the body's fields. The usage below must compile against the
 * generated client under strict tsc; each `@ts-expect-error` line must fail (an unused one is an error).
 */
import * as path from 'node:path';
import { generateTree, usageErrors } from '../helpers/generate';

const SPEC = path.join(__dirname, 'cases/optional-body-beside-params/spec.yaml');

const USAGE = `import Client from './index';
import type { EncodedCreateParams, DeliveryCreateParams, NoteCreateParams, ReceiptAddFeedbackParams } from './index';

export async function run(client: Client): Promise<unknown[]> {
  // A body model whose schema requires \`amount\` and \`currency\`, beside a required header.
  await client.receipts.addFeedback('r1', { apikey: 'k' });
  await client.receipts.addFeedback('r1', { apikey: 'k', amount: 1, currency: 'EUR', note: 'n' });
  // @ts-expect-error half a body: \`currency\` is missing
  const feedbackHalf: ReceiptAddFeedbackParams = { apikey: 'k', amount: 1 };
  // @ts-expect-error the header is still required
  const feedbackNoKey: ReceiptAddFeedbackParams = { amount: 1, currency: 'EUR' };

  // An inline body (its fields in \`EncodedCreateParams.Body\`), beside an optional query parameter.
  await client.receipts.encoded.create();
  await client.receipts.encoded.create({ language: 'en' });
  await client.receipts.encoded.create({ image: 'aGk=', meta: { source: 'scan' } });
  const image: EncodedCreateParams.Body['image'] = 'aGk=';
  // @ts-expect-error a body field without the required \`image\`
  const encodedHalf: EncodedCreateParams = { filename: 'r.png' };

  // A discriminated union: one member's required fields, or no field of any member.
  await client.receipts.deliveries.create('r1', { 'api-version': '1' });
  await client.receipts.deliveries.create('r1', { 'api-version': '1', channel: 'email' });
  await client.receipts.deliveries.create('r1', { 'api-version': '1', channel: 'webhook', url: 'https://example.com/hook' });
  // @ts-expect-error a field of the \`webhook\` member without its \`channel\`
  const deliveryHalf: DeliveryCreateParams = { 'api-version': '1', url: 'https://example.com/hook' };
  // @ts-expect-error \`webhook\` requires \`url\`
  const webhookHalf: DeliveryCreateParams = { 'api-version': '1', channel: 'webhook' };

  // A body that requires nothing keeps its plain type.
  const note: NoteCreateParams = { text: 't', draft: true };
  await client.receipts.notes.create('r1');
  return [feedbackHalf, feedbackNoKey, image, encodedHalf, deliveryHalf, webhookHalf, note];
}
`;

it('an optional body beside parameters takes all its required fields or none', async () => {
  const { tree, diagnostics } = await generateTree(SPEC);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(usageErrors(tree, USAGE)).toEqual([]);
});
