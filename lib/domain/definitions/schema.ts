import { z } from 'zod';
import { ENGAGEMENT_TYPES, SALES_ACTIVITY_TYPES, STAGES, stageSchema, systemSchema } from '../model';
import { WEEKDAYS } from './weekdays';

export { WEEKDAYS };

/**
 * The shared definitions document: the written, versioned agreement between sales and marketing (see
 * docs/domain.md). Teams edit it as JSON or YAML, so every object is strict: a misspelt key is an error that
 * names its path, never a silently ignored setting. Every rule with its own message carries `params: { ja, en }`,
 * which parse-definitions.ts turns into the bilingual message shown to the editor.
 */

export type Localized = { ja: string; en: string };
export const localizedSchema = z.strictObject({ ja: z.string().min(1), en: z.string().min(1) });

export const BANDS = ['hot', 'warm', 'cool', 'cold'] as const;
export const bandSchema = z.enum(BANDS);
export type Band = z.infer<typeof bandSchema>;

/** A string matching `re`, with the bilingual message shown when it does not. */
function matching(re: RegExp, ja: string, en: string) {
  return z.string().refine((s) => re.test(s), { params: { ja, en } });
}

const idSchema = matching(
  /^[a-z0-9][a-z0-9_.-]{0,63}$/,
  '英小文字・数字・_ . - で 64 文字以内の ID にしてください',
  'use an id of lower-case letters, digits, _ . - (64 characters at most)',
);

/** "09:00"–"24:00" local wall time. */
const hhmmSchema = matching(
  /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/,
  '時刻は HH:MM（00:00〜24:00）で書いてください',
  'write times as HH:MM (00:00 to 24:00)',
);
const isoDateSchema = matching(
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  '日付は YYYY-MM-DD で書いてください',
  'write dates as YYYY-MM-DD',
);
/** A full date (one day) or MM-DD (every year, e.g. the year-end closing 12-29 to 01-03). */
const dayOrYearlySchema = matching(
  /^(\d{4}-)?(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  '日付は YYYY-MM-DD（その日）か MM-DD（毎年）で書いてください',
  'write YYYY-MM-DD (that day) or MM-DD (every year)',
);
const isoInstantSchema = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)), {
  params: {
    ja: '日時は時差付きの ISO 8601（例 2026-04-01T00:00:00+09:00）で書いてください',
    en: 'write an ISO 8601 time with its offset, e.g. 2026-04-01T00:00:00+09:00',
  },
});

// ---------------------------------------------------------------------------------------------------------------
// Conditions on Person.attributes. The attribute names the default rules read:
// industry, employees (number), title, country (ISO 3166 alpha-2 or name), leadSource, email, company.

const stringListSchema = z.array(z.string().min(1)).min(1);
export const conditionSchema = z.discriminatedUnion('op', [
  /** Case-insensitive equality with one of the values. */
  z.strictObject({ attribute: z.string().min(1), op: z.literal('in'), values: stringListSchema }),
  /** Case-insensitive substring: title keywords such as 部長 / manager. */
  z.strictObject({ attribute: z.string().min(1), op: z.literal('contains'), values: stringListSchema }),
  /** The e-mail's domain (after @) is one of the values or a subdomain of one. */
  z.strictObject({ attribute: z.string().min(1), op: z.literal('email_domain'), values: stringListSchema }),
  /** Numeric range, inclusive min and exclusive max: employee bands. */
  z
    .strictObject({
      attribute: z.string().min(1),
      op: z.literal('range'),
      min: z.number().optional(),
      max: z.number().optional(),
    })
    .refine((c) => c.min !== undefined || c.max !== undefined, {
      params: { ja: 'min か max の少なくとも一方が必要です', en: 'give min, max or both' },
    }),
  /** The attribute has a non-empty value. */
  z.strictObject({ attribute: z.string().min(1), op: z.literal('present') }),
]);
export type Condition = z.infer<typeof conditionSchema>;

export const fitRuleSchema = z.strictObject({
  id: idSchema,
  label: localizedSchema,
  when: conditionSchema,
  points: z.number().finite(),
  /** Rules sharing a group count once: the best-scoring match (one employee band, one seniority). */
  group: z.string().min(1).optional(),
});
export type FitRule = z.infer<typeof fitRuleSchema>;

export const exclusionSchema = z.strictObject({
  id: idSchema,
  label: localizedSchema,
  when: conditionSchema,
  /** Points added to the score (usually negative); an excluded lead also fails the MQL exclusion criterion. */
  points: z.number().finite().max(0),
});
export type Exclusion = z.infer<typeof exclusionSchema>;

export const engagementRuleSchema = z.strictObject({
  id: idSchema,
  label: localizedSchema,
  type: z.enum(ENGAGEMENT_TYPES),
  /** Case-insensitive substrings of the event URL (page views on /pricing, /demo). Absent: any URL. */
  urlContains: z.array(z.string().min(1)).min(1).optional(),
  points: z.number().finite(),
});
export type EngagementRule = z.infer<typeof engagementRuleSchema>;

const dailyCapsShape = Object.fromEntries(ENGAGEMENT_TYPES.map((t) => [t, z.number().nonnegative().optional()])) as {
  [K in (typeof ENGAGEMENT_TYPES)[number]]: z.ZodOptional<z.ZodNumber>;
};

export const scoreModelSchema = z.strictObject({
  fit: z.strictObject({
    rules: z.array(fitRuleSchema),
    exclusions: z.array(exclusionSchema),
    /** Best first; a lead gets the first grade whose minimum its fit score reaches. The last must have no minimum. */
    grades: z
      .array(z.strictObject({ grade: z.string().min(1).max(8), min: z.number().nullable() }))
      .min(1)
      .superRefine((grades, ctx) => {
        const last = grades[grades.length - 1];
        if (last && last.min !== null) {
          ctx.addIssue({
            code: 'custom',
            path: [grades.length - 1, 'min'],
            message: 'last grade',
            params: { ja: '最後のグレードは min: null（下限なし）にしてください', en: 'the last grade must have min: null (no floor)' },
          });
        }
        for (let i = 1; i < grades.length; i++) {
          const prev = grades[i - 1]!.min;
          const cur = grades[i]!.min;
          if (prev !== null && cur !== null && cur >= prev) {
            ctx.addIssue({
              code: 'custom',
              path: [i, 'min'],
              message: 'grade order',
              params: { ja: 'グレードは下限の高い順に並べてください', en: 'list grades from the highest minimum down' },
            });
          }
        }
      }),
  }),
  engagement: z.strictObject({
    /** First matching rule wins: put URL-specific page-view rules before the generic one. */
    rules: z.array(engagementRuleSchema),
    /** Points halve every this many days. */
    halfLifeDays: z.number().positive(),
    /** Most raw points one event type may earn per calendar day (in the calendar's zone): blunts bot clicks and mail-scanner opens. */
    dailyCaps: z.strictObject(dailyCapsShape),
  }),
});
export type ScoreModel = z.infer<typeof scoreModelSchema>;

export const temperatureSchema = z
  .strictObject({
    /** Minimum total score for each band; below `cool` is cold. */
    bands: z.strictObject({ hot: z.number(), warm: z.number(), cool: z.number() }),
    /** A spike: at least `minPoints` raw engagement points earned within the last `windowHours`. */
    spike: z.strictObject({ windowHours: z.number().positive(), minPoints: z.number().positive() }),
  })
  .refine((t) => t.bands.hot > t.bands.warm && t.bands.warm > t.bands.cool, {
    path: ['bands'],
    params: { ja: 'しきい値は hot > warm > cool の順にしてください', en: 'thresholds must satisfy hot > warm > cool' },
  });

export const qualificationSchema = z.strictObject({
  mql: z.strictObject({
    minScore: z.number(),
    /** A grade from score.fit.grades: the lead's fit grade must be this one or better. */
    minFitGrade: z.string().min(1),
    /** Person.attributes that must hold a value (e.g. company, title, email). */
    requiredFields: z.array(z.string().min(1)),
    /** When true, any matching exclusion fails the MQL. */
    rejectExclusions: z.boolean(),
  }),
  sql: z.strictObject({
    /** What sales confirms by hand (BANT or the team's own list). All must be confirmed. */
    checklist: z
      .array(z.strictObject({ id: idSchema, label: localizedSchema, description: localizedSchema.optional() }))
      .min(1),
  }),
});

export const slaPolicySchema = z.strictObject({
  id: idSchema,
  label: localizedSchema,
  /** Temperatures (at handoff) this policy covers. */
  bands: z.array(bandSchema).min(1),
  /** Optional segment: the policy applies only when this attribute condition holds. */
  when: conditionSchema.optional(),
  /** Business minutes from handoff to the first touch. */
  budgetMinutes: z.number().int().positive(),
});
export type SlaPolicy = z.infer<typeof slaPolicySchema>;

export const slaSchema = z.strictObject({
  /** Stages whose entry is a handoff (the SLA clock starts there). */
  handoffStages: z.array(stageSchema).min(1),
  /** Fraction of the budget after which the lead is at risk (0.75 = 75% elapsed). */
  warnAtFraction: z.number().gt(0).lt(1),
  /** Sales activity types that count as a first touch. */
  touchTypes: z.array(z.enum(SALES_ACTIVITY_TYPES)).min(1),
  /** First match wins; the last policy is the fallback when none match. */
  policies: z.array(slaPolicySchema).min(1),
});

const intervalSchema = z
  .strictObject({ start: hhmmSchema, end: hhmmSchema })
  .refine((i) => i.start < i.end, {
    params: { ja: 'start は end より前にしてください', en: 'start must be before end' },
  });
const dayHoursSchema = z.array(intervalSchema).superRefine((list, ctx) => {
  const sorted = [...list].sort((a, b) => (a.start < b.start ? -1 : 1));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.start < sorted[i - 1]!.end) {
      ctx.addIssue({
        code: 'custom',
        message: 'overlap',
        params: { ja: '営業時間の区間が重なっています', en: 'opening intervals overlap' },
      });
      return;
    }
  }
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const calendarSchema = z.strictObject({
  /** IANA zone the opening hours are written in. */
  timeZone: z.string().refine(isTimeZone, {
    params: {
      ja: 'IANA のタイムゾーン名（例 Asia/Tokyo, America/New_York）にしてください',
      en: 'use an IANA time zone name such as Asia/Tokyo or America/New_York',
    },
  }),
  weeklyHours: z
    .strictObject({
      sun: dayHoursSchema,
      mon: dayHoursSchema,
      tue: dayHoursSchema,
      wed: dayHoursSchema,
      thu: dayHoursSchema,
      fri: dayHoursSchema,
      sat: dayHoursSchema,
    })
    .refine((w) => WEEKDAYS.some((d) => w[d].length > 0), {
      params: { ja: '少なくとも 1 つの曜日に営業時間が必要です', en: 'at least one weekday needs opening hours' },
    }),
  /** Built-in national holidays: `jp` reads @holiday-jp/holiday_jp (substitute and citizens' holidays included). */
  nationalHolidays: z.enum(['jp', 'none']),
  /** Company closed days: a range of YYYY-MM-DD, or MM-DD for every year (12-29 to 01-03 wraps the year end). */
  closedDays: z.array(
    z
      .strictObject({ from: dayOrYearlySchema, to: dayOrYearlySchema, label: localizedSchema })
      .refine((r) => (r.from.length === 10) === (r.to.length === 10), {
        params: { ja: 'from と to は同じ形式（両方 YYYY-MM-DD か両方 MM-DD）にしてください', en: 'from and to must use the same form' },
      }),
  ),
  /** Days open despite a weekend or holiday; `hours` defaults to Monday's hours. */
  extraWorkingDays: z.array(
    z.strictObject({ date: isoDateSchema, label: localizedSchema, hours: dayHoursSchema.optional() }),
  ),
});
export type BusinessCalendar = z.infer<typeof calendarSchema>;

export const stageMappingSchema = z.strictObject({
  system: systemSchema,
  /** Vendor field API name: Status, lifecyclestage, hs_lead_status, leadStatus, … */
  field: z.string().min(1),
  /** Vendor value → stage. Matched exactly first, then ignoring case and surrounding spaces. */
  values: z.record(z.string(), stageSchema),
  /** Link to the vendor documentation of this field's values. */
  doc: z.string().url().optional(),
});

export const feedbackReasonSchema = z.strictObject({
  code: matching(/^[A-Z0-9_]{1,64}$/, 'コードは英大文字・数字・_ にしてください', 'use upper-case letters, digits and _ for codes'),
  verdict: z.enum(['good', 'bad']),
  label: localizedSchema,
});

export const definitionsSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    id: idSchema,
    version: z.number().int().positive(),
    name: localizedSchema,
    effectiveFrom: isoInstantSchema,
    approvedBy: z.array(z.strictObject({ name: z.string().min(1), role: localizedSchema.optional() })).min(1),
    changeLog: z.array(z.strictObject({ version: z.number().int().positive(), date: isoDateSchema, summary: localizedSchema })),
    stages: z.array(z.strictObject({ id: stageSchema, label: localizedSchema, description: localizedSchema })),
    stageMappings: z.array(stageMappingSchema),
    score: scoreModelSchema,
    temperature: temperatureSchema,
    qualification: qualificationSchema,
    sla: slaSchema,
    calendar: calendarSchema,
    feedbackReasons: z.array(feedbackReasonSchema).min(1),
  })
  .superRefine((d, ctx) => {
    const stageIds = new Set(d.stages.map((s) => s.id));
    for (const s of STAGES) {
      if (!stageIds.has(s)) {
        ctx.addIssue({
          code: 'custom',
          path: ['stages'],
          message: 'missing stage',
          params: { ja: `ステージ「${s}」の説明がありません`, en: `stage "${s}" is not described` },
        });
      }
    }
    if (!d.score.fit.grades.some((g) => g.grade === d.qualification.mql.minFitGrade)) {
      ctx.addIssue({
        code: 'custom',
        path: ['qualification', 'mql', 'minFitGrade'],
        message: 'unknown grade',
        params: {
          ja: `score.fit.grades にあるグレード（${d.score.fit.grades.map((g) => g.grade).join(', ')}）を指定してください`,
          en: `use a grade listed in score.fit.grades (${d.score.fit.grades.map((g) => g.grade).join(', ')})`,
        },
      });
    }
    const dup = (list: { id?: string; code?: string }[], path: (string | number)[]) => {
      const seen = new Set<string>();
      list.forEach((item, i) => {
        const key = item.id ?? item.code ?? '';
        if (seen.has(key)) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, i],
            message: 'duplicate id',
            params: { ja: `ID「${key}」が重複しています`, en: `id "${key}" is used twice` },
          });
        }
        seen.add(key);
      });
    };
    dup(d.score.fit.rules, ['score', 'fit', 'rules']);
    dup(d.score.fit.exclusions, ['score', 'fit', 'exclusions']);
    dup(d.score.engagement.rules, ['score', 'engagement', 'rules']);
    dup(d.sla.policies, ['sla', 'policies']);
    dup(d.feedbackReasons, ['feedbackReasons']);
    dup(d.qualification.sql.checklist, ['qualification', 'sql', 'checklist']);
  });

export type Definitions = z.infer<typeof definitionsSchema>;
