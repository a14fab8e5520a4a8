/** The selector syntax of `--include` / `--exclude`: what parses, what is refused and why, and path globs. */
import { matchesPathGlob, parseSelector } from '../../generator/ir/selector';

describe('parseSelector', () => {
  it.each([
    ['tag:Chat', 'tag', 'Chat'],
    [' op:createChatCompletion ', 'op', 'createChatCompletion'],
    ['path:/chat/completions/**', 'path', '/chat/completions/**'],
    ['resource:chat.completions', 'resource', 'chat.completions'],
    ['tag:Fine Tuning', 'tag', 'Fine Tuning'],
    ['op:list*', 'op', 'list*'],
  ])('%j → %s %j', (text, kind, pattern) => {
    expect(parseSelector(text)).toEqual({ selector: { kind, pattern, text: text.trim() } });
  });

  it.each([
    ['Chat', 'has no kind'],
    ['tags:Chat', 'unknown kind "tags"'],
    ['op:', 'empty pattern'],
    ['path:chat/completions', 'starts with /'],
    ['path:/chat/**completions', '** must be a whole path segment'],
    ['resource:chat/completions', 'dot-separated identifiers'],
    ['resource:chat..completions', 'dot-separated identifiers'],
  ])('%j is refused: %s', (text, reason) => {
    const parsed = parseSelector(text);
    expect('error' in parsed && parsed.error).toContain(reason);
  });
});

describe('matchesPathGlob', () => {
  it.each([
    ['/chat/completions', '/chat/completions', true],
    ['/chat/completions', '/chat/completions/{id}', false],
    ['/chat/completions/**', '/chat/completions', true],
    ['/chat/completions/**', '/chat/completions/{id}/messages', true],
    ['/chat/*', '/chat/completions', true],
    ['/chat/*', '/chat/completions/{id}', false],
    ['/chat/*/{id}', '/chat/completions/{id}', true],
    ['/**/messages', '/chat/completions/{id}/messages', true],
    ['/**/messages', '/chat/completions/{id}', false],
    ['/files/*.jsonl', '/files/a.jsonl', true],
    ['/files/*.jsonl', '/files/ajsonl', false],
    ['/**', '/', true],
    ['/chat/completions/', '/chat/completions', true],
  ])('%s on %s → %s', (pattern, path, expected) => {
    expect(matchesPathGlob(pattern, path)).toBe(expected);
  });
});
