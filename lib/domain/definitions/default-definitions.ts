import type { Definitions } from './schema';

const weekday = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];

/**
 * The document Baton ships with: common BtoB defaults and the Japanese business calendar (09:00–18:00 with a
 * lunch break, Japanese national holidays, the 12/29–1/3 year-end closing). Teams replace it with their own,
 * from a team URL, managed configuration or a file.
 */
export const DEFAULT_DEFINITIONS: Definitions = {
  schemaVersion: 1,
  id: 'baton-default',
  version: 1,
  name: { ja: 'Baton 標準定義', en: 'Baton default definitions' },
  effectiveFrom: '2020-01-01T00:00:00+09:00',
  approvedBy: [{ name: 'Baton', role: { ja: '初期設定', en: 'Shipped default' } }],
  changeLog: [
    {
      version: 1,
      date: '2026-11-25',
      summary: { ja: '初版（BtoB の一般的な既定値）', en: 'First version (common BtoB defaults)' },
    },
  ],
  stages: [
    {
      id: 'inquiry',
      label: { ja: '問い合わせ', en: 'Inquiry' },
      description: { ja: '連絡先が分かった見込み客。まだ基準未達。', en: 'A known contact that does not yet meet the MQL criteria.' },
    },
    {
      id: 'mql',
      label: { ja: 'MQL', en: 'MQL' },
      description: { ja: 'マーケティングが合意基準を満たすと判断し、営業に引き渡したリード。', en: 'Meets the agreed numeric criteria and is handed to sales.' },
    },
    {
      id: 'sal',
      label: { ja: 'SAL', en: 'SAL' },
      description: { ja: '営業が受け入れ、対応を始めたリード。', en: 'Accepted by sales and being worked.' },
    },
    {
      id: 'sql',
      label: { ja: 'SQL', en: 'SQL' },
      description: { ja: '営業がチェックリストで商談候補と確認したリード。', en: 'Confirmed by sales against the SQL checklist as an opportunity candidate.' },
    },
    {
      id: 'opportunity',
      label: { ja: '商談', en: 'Opportunity' },
      description: { ja: '商談が作成された。', en: 'An opportunity has been created.' },
    },
    { id: 'won', label: { ja: '受注', en: 'Won' }, description: { ja: '受注した。', en: 'The deal was won.' } },
    { id: 'lost', label: { ja: '失注', en: 'Lost' }, description: { ja: '失注した。', en: 'The deal was lost.' } },
    {
      id: 'recycled',
      label: { ja: 'リサイクル', en: 'Recycled' },
      description: { ja: '時期尚早などでナーチャリングに戻した。', en: 'Returned to nurture (e.g. bad timing).' },
    },
    {
      id: 'disqualified',
      label: { ja: '対象外', en: 'Disqualified' },
      description: { ja: '対象外（競合・学生・重複など）。', en: 'Not a prospect (competitor, student, duplicate…).' },
    },
  ],
  stageMappings: [
    {
      // Default Lead Status picklist of a new org; teams often add values, so they map their own here.
      system: 'salesforce',
      field: 'Status',
      doc: 'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_lead.htm',
      values: {
        'Open - Not Contacted': 'mql',
        'Working - Contacted': 'sal',
        'Closed - Converted': 'sql',
        'Closed - Not Converted': 'disqualified',
      },
    },
    {
      // Internal values of the default lifecycle stages (labels differ by portal language).
      system: 'hubspot',
      field: 'lifecyclestage',
      doc: 'https://knowledge.hubspot.com/properties/hubspots-default-contact-properties',
      values: {
        subscriber: 'inquiry',
        lead: 'inquiry',
        marketingqualifiedlead: 'mql',
        salesqualifiedlead: 'sql',
        opportunity: 'opportunity',
        customer: 'won',
        evangelist: 'won',
      },
    },
    {
      system: 'hubspot',
      field: 'hs_lead_status',
      doc: 'https://knowledge.hubspot.com/properties/hubspots-default-contact-properties',
      values: {
        NEW: 'mql',
        OPEN: 'mql',
        ATTEMPTED_TO_CONTACT: 'sal',
        CONNECTED: 'sal',
        IN_PROGRESS: 'sal',
        OPEN_DEAL: 'opportunity',
        BAD_TIMING: 'recycled',
        UNQUALIFIED: 'disqualified',
      },
    },
    {
      // Marketo revenue stages are defined per instance in the Revenue Cycle Model; these are the usual names.
      system: 'marketo',
      field: 'revenueStage',
      doc: 'https://experienceleague.adobe.com/docs/marketo/using/product-docs/reporting/revenue-cycle-analytics/revenue-cycle-models/find-all-leads-in-a-revenue-cycle-model.html',
      values: {
        Known: 'inquiry',
        Engaged: 'inquiry',
        MQL: 'mql',
        SAL: 'sal',
        SQL: 'sql',
        Opportunity: 'opportunity',
        Customer: 'won',
        Recycled: 'recycled',
        Disqualified: 'disqualified',
      },
    },
    {
      // Marketo's standard Lead Status field (leadStatus) is free text; these are common values.
      system: 'marketo',
      field: 'leadStatus',
      values: {
        New: 'inquiry',
        MQL: 'mql',
        'Sales Accepted': 'sal',
        'Sales Qualified': 'sql',
        Recycled: 'recycled',
        Disqualified: 'disqualified',
      },
    },
    {
      // Account Engagement's built-in lifecycle stages (Lifecycle Stage object, API v5).
      system: 'pardot',
      field: 'lifecycleStage',
      doc: 'https://developer.salesforce.com/docs/marketing/pardot/guide/lifecycle-stage-v5.html',
      values: {
        Prospect: 'inquiry',
        'Marketing Qualified Lead': 'mql',
        MQL: 'mql',
        'Sales Qualified Lead': 'sql',
        SQL: 'sql',
        'Won Opportunity': 'won',
      },
    },
    {
      // Dynamics 365 lead Status Reason (statuscode), by value: labels follow the user's language, values do not.
      // A lead is created when marketing hands a person to sales, so New is the handoff.
      system: 'dynamics',
      field: 'statuscode',
      doc: 'https://learn.microsoft.com/en-us/power-apps/developer/data-platform/reference/entities/lead#BKMK_StatusCode',
      values: { '1': 'mql', '2': 'sal', '3': 'sql', '4': 'disqualified', '5': 'disqualified', '6': 'disqualified', '7': 'disqualified' },
    },
    {
      system: 'demo',
      field: 'Status',
      values: {
        'Open - Not Contacted': 'mql',
        'Working - Contacted': 'sal',
        'Closed - Converted': 'sql',
        'Closed - Not Converted': 'disqualified',
        Inquiry: 'inquiry',
        MQL: 'mql',
        SAL: 'sal',
        SQL: 'sql',
        Opportunity: 'opportunity',
        Won: 'won',
        Lost: 'lost',
        Recycled: 'recycled',
        Disqualified: 'disqualified',
      },
    },
  ],
  score: {
    fit: {
      rules: [
        { id: 'industry-target', label: { ja: '重点業種', en: 'Target industry' }, when: { attribute: 'industry', op: 'in', values: ['Software', 'IT', 'Manufacturing', 'Financial Services', '情報通信業', '製造業', '金融業'] }, points: 15 },
        { id: 'employees-1000', label: { ja: '従業員 1,000 名以上', en: '1,000+ employees' }, when: { attribute: 'employees', op: 'range', min: 1000 }, points: 20, group: 'employees' },
        { id: 'employees-300', label: { ja: '従業員 300〜999 名', en: '300–999 employees' }, when: { attribute: 'employees', op: 'range', min: 300, max: 1000 }, points: 15, group: 'employees' },
        { id: 'employees-50', label: { ja: '従業員 50〜299 名', en: '50–299 employees' }, when: { attribute: 'employees', op: 'range', min: 50, max: 300 }, points: 8, group: 'employees' },
        { id: 'title-executive', label: { ja: '役員・本部長クラス', en: 'Executive' }, when: { attribute: 'title', op: 'contains', values: ['社長', '取締役', '役員', '本部長', '執行役員', 'CEO', 'CTO', 'CMO', 'CIO', 'Chief', 'President', 'VP', 'Vice President', 'Director'] }, points: 20, group: 'seniority' },
        { id: 'title-manager', label: { ja: '部長・課長クラス', en: 'Manager' }, when: { attribute: 'title', op: 'contains', values: ['部長', '課長', 'マネージャー', 'マネジャー', 'Manager', 'Head of'] }, points: 15, group: 'seniority' },
        { id: 'title-staff', label: { ja: '担当者', en: 'Individual contributor' }, when: { attribute: 'title', op: 'contains', values: ['主任', '担当', 'リーダー', 'Specialist', 'Lead', 'Engineer'] }, points: 5, group: 'seniority' },
        { id: 'country-japan', label: { ja: '国内', en: 'Japan' }, when: { attribute: 'country', op: 'in', values: ['JP', 'Japan', '日本'] }, points: 10 },
        { id: 'source-inbound', label: { ja: 'インバウンド流入', en: 'Inbound source' }, when: { attribute: 'leadSource', op: 'in', values: ['Web', 'Website', 'Organic Search', 'Referral', 'Webinar', 'ウェブサイト', 'セミナー', '紹介'] }, points: 5 },
      ],
      exclusions: [
        { id: 'free-mail', label: { ja: 'フリーメール', en: 'Free e-mail address' }, when: { attribute: 'email', op: 'email_domain', values: ['gmail.com', 'yahoo.co.jp', 'yahoo.com', 'hotmail.com', 'outlook.com', 'outlook.jp', 'icloud.com', 'docomo.ne.jp', 'ezweb.ne.jp', 'softbank.ne.jp'] }, points: -30 },
        { id: 'competitor', label: { ja: '競合', en: 'Competitor' }, when: { attribute: 'company', op: 'contains', values: ['Competitor Inc', '競合株式会社'] }, points: -100 },
        { id: 'student', label: { ja: '学生', en: 'Student' }, when: { attribute: 'title', op: 'contains', values: ['学生', 'Student', 'Intern', 'インターン'] }, points: -50 },
      ],
      grades: [
        { grade: 'A', min: 50 },
        { grade: 'B', min: 30 },
        { grade: 'C', min: 15 },
        { grade: 'D', min: null },
      ],
    },
    engagement: {
      rules: [
        { id: 'page-pricing', label: { ja: '料金ページ閲覧', en: 'Pricing page view' }, type: 'page_view', urlContains: ['/pricing', '/price', '料金'], points: 10 },
        { id: 'page-demo', label: { ja: 'デモページ閲覧', en: 'Demo page view' }, type: 'page_view', urlContains: ['/demo', '/trial'], points: 8 },
        { id: 'page-view', label: { ja: 'ページ閲覧', en: 'Page view' }, type: 'page_view', points: 1 },
        { id: 'form-contact', label: { ja: '問い合わせ・デモ依頼フォーム', en: 'Contact or demo request form' }, type: 'form_submit', urlContains: ['contact', 'demo', 'inquiry', 'お問い合わせ'], points: 30 },
        { id: 'form-submit', label: { ja: 'フォーム送信', en: 'Form submission' }, type: 'form_submit', points: 15 },
        { id: 'content-download', label: { ja: '資料ダウンロード', en: 'Content download' }, type: 'content_download', points: 10 },
        { id: 'webinar-attended', label: { ja: 'ウェビナー参加', en: 'Webinar attended' }, type: 'webinar_attended', points: 15 },
        { id: 'webinar-registered', label: { ja: 'ウェビナー申込', en: 'Webinar registration' }, type: 'webinar_registered', points: 5 },
        { id: 'event-attended', label: { ja: 'イベント参加', en: 'Event attended' }, type: 'event_attended', points: 15 },
        { id: 'event-registered', label: { ja: 'イベント申込', en: 'Event registration' }, type: 'event_registered', points: 5 },
        { id: 'email-click', label: { ja: 'メールのクリック', en: 'E-mail click' }, type: 'email_click', points: 3 },
        { id: 'email-open', label: { ja: 'メールの開封', en: 'E-mail open' }, type: 'email_open', points: 1 },
        { id: 'chat', label: { ja: 'チャット', en: 'Chat' }, type: 'chat', points: 10 },
        { id: 'ad-click', label: { ja: '広告クリック', en: 'Ad click' }, type: 'ad_click', points: 2 },
        { id: 'social', label: { ja: 'ソーシャル', en: 'Social' }, type: 'social', points: 1 },
      ],
      halfLifeDays: 14,
      dailyCaps: {
        email_open: 2,
        email_click: 6,
        page_view: 20,
        ad_click: 4,
        social: 3,
        form_submit: 45,
        content_download: 20,
      },
    },
  },
  temperature: {
    bands: { hot: 80, warm: 50, cool: 25 },
    spike: { windowHours: 48, minPoints: 30 },
  },
  qualification: {
    mql: { minScore: 60, minFitGrade: 'B', requiredFields: ['company', 'email', 'title'], rejectExclusions: true },
    sql: {
      checklist: [
        { id: 'budget', label: { ja: '予算（Budget）がある', en: 'Budget confirmed' } },
        { id: 'authority', label: { ja: '決裁者（Authority）に届いている', en: 'Decision maker (Authority) reached' } },
        { id: 'need', label: { ja: '課題・ニーズ（Need）が明確', en: 'Need is clear' } },
        { id: 'timeline', label: { ja: '導入時期（Timeline）が 6 か月以内', en: 'Timeline within 6 months' } },
      ],
    },
  },
  sla: {
    handoffStages: ['mql'],
    warnAtFraction: 0.75,
    touchTypes: ['call', 'email', 'meeting'],
    policies: [
      { id: 'hot', label: { ja: 'ホット: 1 営業時間以内', en: 'Hot: within 1 business hour' }, bands: ['hot'], budgetMinutes: 60 },
      { id: 'warm', label: { ja: 'ウォーム: 4 営業時間以内', en: 'Warm: within 4 business hours' }, bands: ['warm'], budgetMinutes: 240 },
      { id: 'standard', label: { ja: '標準: 2 営業日以内', en: 'Standard: within 2 business days' }, bands: ['cool', 'cold'], budgetMinutes: 960 },
    ],
  },
  calendar: {
    timeZone: 'Asia/Tokyo',
    weeklyHours: { sun: [], mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [] },
    nationalHolidays: 'jp',
    closedDays: [{ from: '12-29', to: '01-03', label: { ja: '年末年始休業', en: 'Year-end holidays' } }],
    extraWorkingDays: [],
  },
  feedbackReasons: [
    { code: 'GOOD_FIT', verdict: 'good', label: { ja: 'ターゲットに合致', en: 'Good fit' } },
    { code: 'REAL_NEED', verdict: 'good', label: { ja: '具体的なニーズあり', en: 'Real need' } },
    { code: 'RIGHT_TIMING', verdict: 'good', label: { ja: 'タイミングが良い', en: 'Right timing' } },
    { code: 'NOT_DECISION_MAKER', verdict: 'bad', label: { ja: '決裁者ではない', en: 'Not a decision maker' } },
    { code: 'NO_BUDGET', verdict: 'bad', label: { ja: '予算なし', en: 'No budget' } },
    { code: 'BAD_TIMING', verdict: 'bad', label: { ja: '時期尚早', en: 'Bad timing' } },
    { code: 'WRONG_CONTACT', verdict: 'bad', label: { ja: '連絡先が不正確', en: 'Wrong contact data' } },
    { code: 'COMPETITOR_OR_STUDENT', verdict: 'bad', label: { ja: '競合・学生', en: 'Competitor or student' } },
    { code: 'DUPLICATE', verdict: 'bad', label: { ja: '重複', en: 'Duplicate' } },
    { code: 'NO_RESPONSE', verdict: 'bad', label: { ja: '連絡がつかない', en: 'No response' } },
  ],
};
