/**
 * How names from a spec split into words (generator/text/case.ts): every identifier and file name clientgen writes
 * is made of them.
 */
import { kebabCase } from '../../generator/plan/identifiers';
import { camelCase, pascalCase, words } from '../../generator/text/case';

describe('words', () => {
  it.each([
    ['foo_bar', 'foo bar'],
    ['fooBar', 'foo bar'],
    ['Foo-Bar', 'foo bar'],
    ['FOO BAR', 'foo bar'],
    ['HTTPServer', 'http server'],
    ['HTTPSettings', 'http settings'],
    ['MSSql', 'ms sql'],
    ['ThisIsATest', 'this is a test'],
    ['UserIs', 'user is'],
    ['IPsec', 'i psec'],
    // An acronym's plural is one word: they were `i ds`, `get ur ls`, `list ap is for user`.
    ['IDs', 'ids'],
    ['getURLs', 'get urls'],
    ['listAPIsForUser', 'list apis for user'],
    ['VMsList', 'vms list'],
    ['CurrentReleaseDVDsDVDLists', 'current release dvds dvd lists'],
    ['getWirelessLANs', 'get wireless lans'],
    // So is an acronym before a joining word in lower case; a capital before `or` or `and` starts the next word.
    ['CSVtoJSON', 'csv to json'],
    ['GET_RSbyCreditMemoItem', 'get rs by credit memo item'],
    ['Microsoft.DBforMariaDB', 'microsoft db for maria db'],
    ['GetWebACLForResource', 'get web acl for resource'],
    ['XLand', 'x land'],
  ])('splits %j as %j', (text, expected) => {
    expect(words(text).join(' ')).toBe(expected);
  });

  it('writes the words in each case', () => {
    expect(camelCase('listAPIsForUser')).toBe('listApisForUser');
    expect(pascalCase('CSVtoJSON')).toBe('CsvToJson');
    expect(kebabCase('RecoveryInstanceIDs')).toBe('recovery-instance-ids');
  });
});
