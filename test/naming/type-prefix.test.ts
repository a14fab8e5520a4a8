/** Type names follow method names (docs/naming.md): the prefix each resource gives its params, response and page types. */
import { planTypePrefixes } from '../../generator/ir/naming/type-prefix';

it('keeps namespaces without methods in the prefix and lengthens only the deeper of two equal prefixes', () => {
  const prefixes = planTypePrefixes([
    ['chat', 'completions'],
    ['chat', 'completions', 'messages'],
    ['files'],
    ['vectorStores'],
    ['vectorStores', 'files'],
    ['fineTuning', 'jobs'],
    ['organization', 'projects'],
    ['organization', 'projects', 'apiKeys'],
  ]);
  expect(Object.fromEntries(prefixes)).toEqual({
    'chat.completions': 'ChatCompletion',
    'chat.completions.messages': 'Message',
    files: 'File',
    'fineTuning.jobs': 'FineTuningJob',
    'organization.projects': 'OrganizationProject',
    'organization.projects.apiKeys': 'ApiKey',
    vectorStores: 'VectorStore',
    'vectorStores.files': 'VectorStoreFile',
  });
});

it('gives the same prefixes whatever the order of resources', () => {
  const resources = [['a', 'items'], ['items'], ['b', 'items'], ['b']];
  const forward = planTypePrefixes(resources);
  expect(planTypePrefixes([...resources].reverse())).toEqual(forward);
  expect(Object.fromEntries(forward)).toEqual({
    'a.items': 'AItem',
    b: 'B',
    'b.items': 'BItem',
    items: 'Item',
  });
});
