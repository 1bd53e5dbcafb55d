import type { Localized } from '../domain/definitions/schema';
import type { DefinitionsRecord } from '../store/definitions-repo';

/**
 * "Which version is in force, where it came from, when it was fetched", for the panel footer and the options
 * page. Times are left to the caller's formatter (locale and zone are UI concerns); `{fetchedAt}` marks the spot.
 */
export function describeDefinitionsSource(record: DefinitionsRecord): { version: Localized; source: Localized } {
  const d = record.definitions;
  const version = { ja: `${d.name.ja} v${d.version}`, en: `${d.name.en} v${d.version}` };
  const where = record.sourceUrl ? ` (${record.sourceUrl})` : '';
  switch (record.source) {
    case 'default':
      return { version, source: { ja: 'Baton の標準定義', en: 'Baton default' } };
    case 'url':
      return { version, source: { ja: `チームの URL${where}、{fetchedAt} 取得`, en: `Team URL${where}, fetched {fetchedAt}` } };
    case 'managed':
      return { version, source: { ja: `組織の管理設定${where}、{fetchedAt} 取得`, en: `Set by your organization${where}, fetched {fetchedAt}` } };
    case 'file':
      return { version, source: { ja: `ファイルから読み込み${where}、{fetchedAt}`, en: `Imported from a file${where}, {fetchedAt}` } };
  }
}
