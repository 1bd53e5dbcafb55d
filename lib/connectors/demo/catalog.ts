/**
 * The raw material the demo workspace is drawn from: names, companies, titles, places, sales reps, and the
 * seller's own marketing assets (emails, pages, forms, webinars, events). Fictional throughout; company
 * domains live under reserved `.example` names where a real one could exist by accident, except the
 * free-mail providers that make a lead look "personal" (gmail.com, yahoo.co.jp) on purpose.
 */

export const JA_SURNAMES = [
  ['山田', 'yamada'], ['佐藤', 'sato'], ['鈴木', 'suzuki'], ['高橋', 'takahashi'], ['田中', 'tanaka'],
  ['伊藤', 'ito'], ['渡辺', 'watanabe'], ['中村', 'nakamura'], ['小林', 'kobayashi'], ['加藤', 'kato'],
  ['吉田', 'yoshida'], ['山本', 'yamamoto'], ['松本', 'matsumoto'], ['井上', 'inoue'], ['木村', 'kimura'],
  ['林', 'hayashi'], ['清水', 'shimizu'], ['山口', 'yamaguchi'], ['森', 'mori'], ['池田', 'ikeda'],
  ['橋本', 'hashimoto'], ['石川', 'ishikawa'], ['前田', 'maeda'], ['藤田', 'fujita'], ['岡田', 'okada'],
  ['後藤', 'goto'], ['長谷川', 'hasegawa'], ['村上', 'murakami'], ['近藤', 'kondo'], ['坂本', 'sakamoto'],
] as const;

export const JA_GIVEN_NAMES = [
  ['太郎', 'taro'], ['健一', 'kenichi'], ['大輔', 'daisuke'], ['翔太', 'shota'], ['拓也', 'takuya'],
  ['直樹', 'naoki'], ['誠', 'makoto'], ['隆', 'takashi'], ['浩二', 'koji'], ['亮', 'ryo'],
  ['花子', 'hanako'], ['美咲', 'misaki'], ['由美', 'yumi'], ['陽子', 'yoko'], ['真由美', 'mayumi'],
  ['さくら', 'sakura'], ['彩', 'aya'], ['恵', 'megumi'], ['愛', 'ai'], ['智子', 'tomoko'],
] as const;

/** Company name stems with their romaji, combined with a line of business to make 株式会社◯◯. */
export const JA_COMPANY_STEMS = [
  ['東和', 'towa'], ['大成', 'taisei-demo'], ['日進', 'nisshin-demo'], ['三光', 'sanko'], ['北斗', 'hokuto'],
  ['明和', 'meiwa'], ['中央', 'chuo'], ['青葉', 'aoba'], ['協和', 'kyowa'], ['新星', 'shinsei'],
  ['光陽', 'koyo'], ['瑞穂', 'mizuho-demo'], ['朝日', 'asahi-demo'], ['白鷺', 'shirasagi'], ['桜台', 'sakuradai'],
  ['緑川', 'midorikawa'], ['旭', 'kyokujitsu'], ['双葉', 'futaba'], ['若葉', 'wakaba'], ['菱和', 'ryowa'],
  ['昭栄', 'shoei'], ['富岳', 'fugaku'], ['関東', 'kanto'], ['浪速', 'naniwa'], ['博多', 'hakata'],
] as const;

/**
 * Line of business → industry as a Japanese SFA records it (総務省 日本標準産業分類 names) and a company-name
 * suffix. The default definitions' fit rules read these exact values (製造業, 情報通信業, 金融業 are targets).
 */
export const JA_LINES = [
  { suffix: '精機', romaji: 'seiki', industry: '製造業' },
  { suffix: 'システム', romaji: 'system', industry: '情報通信業' },
  { suffix: '物流', romaji: 'logi', industry: '運輸業' },
  { suffix: '化学', romaji: 'chem', industry: '製造業' },
  { suffix: '商事', romaji: 'shoji', industry: '卸売業・小売業' },
  { suffix: '電子', romaji: 'denshi', industry: '製造業' },
  { suffix: 'フーズ', romaji: 'foods', industry: '卸売業・小売業' },
  { suffix: '建設', romaji: 'kensetsu', industry: '建設業' },
  { suffix: 'ソフトウェア', romaji: 'soft', industry: '情報通信業' },
  { suffix: 'メディカル', romaji: 'medical', industry: '医療・福祉' },
  { suffix: 'ファイナンス', romaji: 'finance', industry: '金融業' },
  { suffix: '不動産', romaji: 'fudosan', industry: '不動産業' },
  { suffix: 'コンサルティング', romaji: 'consulting', industry: 'サービス業' },
] as const;

export const JA_TITLES = [
  ['営業部長', 'senior'], ['マーケティング課長', 'manager'], ['情報システム部 主任', 'staff'],
  ['代表取締役社長', 'executive'], ['経営企画部 部長', 'senior'], ['営業企画課 係長', 'manager'],
  ['マーケティング部 担当', 'staff'], ['総務部 課長', 'manager'], ['DX推進室 室長', 'senior'],
  ['インサイドセールス リーダー', 'manager'], ['取締役 CMO', 'executive'], ['営業部 メンバー', 'staff'],
] as const;

export const JA_PREFECTURES = [
  ['東京都', 30], ['大阪府', 12], ['愛知県', 9], ['神奈川県', 9], ['福岡県', 6], ['北海道', 4], ['京都府', 4],
  ['兵庫県', 4], ['埼玉県', 4], ['広島県', 3], ['宮城県', 3], ['静岡県', 3],
] as const;

export const EN_FIRST_NAMES = [
  'Emily', 'James', 'Olivia', 'Liam', 'Sophia', 'Noah', 'Charlotte', 'Oliver', 'Amelia', 'Ethan',
  'Grace', 'Lucas', 'Chloe', 'Henry', 'Isla', 'Daniel', 'Wei Ling', 'Arjun', 'Mei', 'Hannah',
] as const;

export const EN_LAST_NAMES = [
  'Carter', 'Wilson', 'Thompson', 'Walker', 'Harris', 'Clarke', 'Lewis', 'Robinson', 'Hughes', 'Patel',
  'Tan', 'Lim', 'Murphy', 'Bennett', 'Reyes', 'Foster', 'Nair', 'Goh', 'Evans', 'Brooks',
] as const;

export const EN_COMPANY_STEMS = [
  'Northwind', 'Bluefin', 'Summit', 'Crescent', 'Harbor', 'Pinnacle', 'Redwood', 'Silverline', 'Brightpath',
  'Ironclad', 'Kestrel', 'Lumen', 'Meridian', 'Oakridge', 'Quartz',
] as const;

/** English-speaking leads carry the industry as a CRM's English picklist would (Software, Financial Services…). */
export const EN_LINES = [
  { suffix: 'Analytics', industry: 'Software' },
  { suffix: 'Logistics', industry: 'Transportation' },
  { suffix: 'Systems', industry: 'IT' },
  { suffix: 'Health', industry: 'Healthcare' },
  { suffix: 'Foods', industry: 'Food & Beverage' },
  { suffix: 'Robotics', industry: 'Manufacturing' },
  { suffix: 'Capital', industry: 'Financial Services' },
  { suffix: 'Media', industry: 'Media' },
  { suffix: 'Retail', industry: 'Retail' },
] as const;

export const EN_TITLES = [
  ['VP of Sales', 'senior'], ['Marketing Manager', 'manager'], ['IT Director', 'senior'], ['CEO', 'executive'],
  ['Head of Growth', 'senior'], ['Sales Operations Analyst', 'staff'], ['Marketing Coordinator', 'staff'],
  ['Chief Revenue Officer', 'executive'], ['Demand Generation Manager', 'manager'], ['Account Executive', 'staff'],
] as const;

/** Country (ISO 3166-1 alpha-2) → regions, legal suffix and web domain suffix. */
export const EN_COUNTRIES = [
  { country: 'US', weight: 55, regions: ['CA', 'NY', 'TX', 'WA', 'MA', 'IL'], legal: 'Inc.', tld: 'com' },
  { country: 'GB', weight: 25, regions: ['London', 'Manchester', 'Edinburgh', 'Bristol'], legal: 'Ltd', tld: 'co.uk' },
  { country: 'SG', weight: 20, regions: ['Singapore'], legal: 'Pte. Ltd.', tld: 'com.sg' },
] as const;

export const FREE_MAIL_DOMAINS = ['gmail.com', 'yahoo.co.jp', 'outlook.com'] as const;
/** Competitors of the seller: their staff sign up to read our whitepapers. */
export const COMPETITOR_DOMAINS = ['rival-sfa.example', 'leadcompass.example'] as const;
export const STUDENT_DOMAINS = ['st.sakuradai-u.ac.jp', 'mail.kanto-gakuin.ac.jp', 'students.harborview.edu'] as const;

/** Salesforce standard Lead Source picklist values, plus the usual additions for events and webinars. */
export const LEAD_SOURCES = [
  ['Web', 35], ['Webinar', 20], ['Trade Show', 12], ['Advertisement', 12], ['Partner Referral', 8],
  ['Phone Inquiry', 5], ['Purchased List', 5], ['Other', 3],
] as const;

/** The marketing operations user who flips leads to MQL (Marketo's sync user in a real org). */
export const MARKETING_USER = 'Marketo Sync';

/** The seller's site: every tracked page of the demo lives here. */
export const SITE = 'https://www.baton-demo.example';

export interface SitePage {
  path: string;
  title: string;
  /** High-intent pages (pricing, demo) are Marketo Interesting Moments in most orgs. */
  intent?: boolean;
}

export const SITE_PAGES: Record<'ja' | 'en', readonly SitePage[]> = {
  ja: [
    { path: '/ja/', title: 'トップページ' },
    { path: '/ja/product/lead-scoring', title: '製品: リードスコアリング' },
    { path: '/ja/product/sla', title: '製品: 対応SLA' },
    { path: '/ja/product/integrations', title: '製品: SFA/MA連携' },
    { path: '/ja/cases/manufacturing', title: '導入事例: 製造業' },
    { path: '/ja/cases/it-services', title: '導入事例: ITサービス' },
    { path: '/ja/blog/mql-definition', title: 'ブログ: MQLの定義を数字で決める' },
    { path: '/ja/blog/sales-marketing-alignment', title: 'ブログ: 営業とマーケの連携' },
    { path: '/ja/pricing', title: '料金プラン', intent: true },
    { path: '/ja/demo', title: 'デモのお申し込み', intent: true },
    { path: '/ja/security', title: 'セキュリティ' },
  ],
  en: [
    { path: '/en/', title: 'Home' },
    { path: '/en/product/lead-scoring', title: 'Product: Lead scoring' },
    { path: '/en/product/sla', title: 'Product: Response SLA' },
    { path: '/en/product/integrations', title: 'Product: CRM & MA integrations' },
    { path: '/en/customers', title: 'Customer stories' },
    { path: '/en/blog/mql-vs-sql', title: 'Blog: MQL vs SQL' },
    { path: '/en/pricing', title: 'Pricing', intent: true },
    { path: '/en/demo', title: 'Book a demo', intent: true },
    { path: '/en/security', title: 'Security' },
  ],
};

export const FORMS: Record<'ja' | 'en', { demo: string; contact: string; whitepaper: string }> = {
  ja: { demo: 'デモ依頼フォーム', contact: 'お問い合わせフォーム', whitepaper: '資料ダウンロードフォーム' },
  en: { demo: 'Demo Request Form', contact: 'Contact Us Form', whitepaper: 'Content Download Form' },
};

export const WHITEPAPERS: Record<'ja' | 'en', readonly string[]> = {
  ja: ['ホワイトペーパー: MQL/SQL定義テンプレート', 'ホワイトペーパー: リード対応SLAの作り方', '調査レポート: 営業とマーケの分断 2026'],
  en: ['Whitepaper: The MQL/SQL Definition Playbook', 'Whitepaper: Lead Response SLAs That Work', 'Report: The State of Revenue Alignment'],
};

/**
 * Weekly e-mail: a numbered newsletter every other week, a program e-mail in between (rotated). Issue numbers
 * count from the start of the window, so the same week always carries the same issue.
 */
export const NEWSLETTER: Record<'ja' | 'en', (issue: number) => string> = {
  ja: (issue) => `ニュースレター Vol.${issue}`,
  en: (issue) => `Newsletter #${issue}`,
};
export const FIRST_NEWSLETTER_ISSUE = 35;

/** The program (campaign) every weekly e-mail is sent from. */
export const NURTURE_PROGRAM: Record<'ja' | 'en', string> = {
  ja: 'メールナーチャリング',
  en: 'E-mail nurture',
};

export const PROGRAM_EMAILS: Record<'ja' | 'en', readonly string[]> = {
  ja: [
    '【ウェビナー】営業とマーケの連携を数字で回す ご案内',
    '導入事例: 製造業の商談化率が2倍に',
    '【資料】MQL定義テンプレートを公開しました',
    '新機能: 対応SLAのカウントダウン',
    '【展示会】ブース出展のお知らせ',
    '【ウェビナー】リード温度の見える化 ご案内',
    'お客様の声: 営業とマーケの定例が変わった',
    '【調査レポート】営業とマーケの分断 2026',
    '【セミナー】SFA/MA連携 実践講座 大阪',
  ],
  en: [
    '[Webinar] Run sales-marketing alignment by the numbers',
    'Customer story: 2x pipeline from MQLs',
    'New: The MQL/SQL Definition Playbook',
    'Product update: live SLA countdowns',
    'Meet us at the expo',
    '[Webinar] Making lead temperature visible',
    'How one team fixed its weekly pipeline meeting',
    '[Report] The State of Revenue Alignment',
    '[Workshop] CRM & MA integration',
  ],
};

/**
 * Webinars and events, laid at fixed offsets (days before the anchor), about one webinar a month over the year.
 * Oldest first: the featured stories read the last one, and a person draws only for those inside their own
 * engagement window, so the older ones never shift a featured person's draws.
 */
export const WEBINARS = [
  { daysAgo: 355, ja: 'ウェビナー: 年度末に向けたパイプライン点検', en: 'Webinar: Pipeline health check before fiscal year-end' },
  { daysAgo: 327, ja: 'ウェビナー: 新年度の営業・マーケ計画の立て方', en: 'Webinar: Planning the new fiscal year together' },
  { daysAgo: 299, ja: 'ウェビナー: インサイドセールス立ち上げ講座', en: 'Webinar: Launching an inside sales team' },
  { daysAgo: 271, ja: 'ウェビナー: リードスコアリング入門', en: 'Webinar: Lead scoring 101' },
  { daysAgo: 243, ja: 'ウェビナー: MA のメール施策を受注につなげる', en: 'Webinar: E-mail programs that close deals' },
  { daysAgo: 215, ja: 'ウェビナー: 商談化率を部門横断で測る', en: 'Webinar: Measuring conversion across teams' },
  { daysAgo: 187, ja: 'ウェビナー: SFA と MA の重複データ対策', en: 'Webinar: Fixing duplicates between CRM and MA' },
  { daysAgo: 159, ja: 'ウェビナー: 上期の振り返りと下期のKPI', en: 'Webinar: First-half review and second-half KPIs' },
  { daysAgo: 131, ja: 'ウェビナー: 製造業の営業DX事例', en: 'Webinar: Sales transformation in manufacturing' },
  { daysAgo: 103, ja: 'ウェビナー: MQLの定義を決める90分', en: 'Webinar: Define your MQL in 90 minutes' },
  { daysAgo: 68, ja: 'ウェビナー: 対応SLAで商談化率を上げる', en: 'Webinar: Lift conversion with a response SLA' },
  { daysAgo: 33, ja: 'ウェビナー: 営業とマーケのKPIをそろえる', en: 'Webinar: One set of KPIs for sales and marketing' },
  { daysAgo: 6, ja: 'ウェビナー: リード温度の見える化', en: 'Webinar: Making lead temperature visible' },
] as const;

export const EVENTS = [
  { daysAgo: 340, ja: '展示会: マーケティング Week 春', en: 'Expo: Marketing Week Spring' },
  { daysAgo: 282, ja: 'セミナー: 営業とマーケの合同勉強会 名古屋', en: 'Seminar: Sales and marketing meetup Nagoya' },
  { daysAgo: 226, ja: '展示会: DX 総合 EXPO 大阪', en: 'Expo: Digital Transformation Expo Osaka' },
  { daysAgo: 150, ja: 'セミナー: リード管理実践講座 福岡', en: 'Seminar: Lead management workshop Fukuoka' },
  { daysAgo: 84, ja: '展示会: 営業DX EXPO 東京', en: 'Expo: Revenue Ops Summit Tokyo' },
  { daysAgo: 19, ja: 'セミナー: SFA/MA連携 実践講座 大阪', en: 'Seminar: CRM & MA integration workshop' },
] as const;

export const CHAT_DIALOGUES: Record<'ja' | 'en', string> = {
  ja: 'チャット: 料金についてのご質問',
  en: 'Chat: Pricing questions',
};

export const AD_CAMPAIGNS: Record<'ja' | 'en', string> = {
  ja: '検索広告: リード管理 ツール',
  en: 'Search ads: lead management software',
};
