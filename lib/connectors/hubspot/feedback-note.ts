import { feedbackSchema, type Feedback, type RecordRef } from '../../domain/model';

/**
 * The note Baton writes for one feedback click, and how it finds it again.
 *
 * HubSpot has no idempotency key on create, so the feedback id is written into the note body as one search
 * token (letters and digits only: the search index splits tokens on punctuation), and a retry searches for it
 * before creating. https://developers.hubspot.com/docs/api/crm/search#search-for-a-token
 */
export function feedbackToken(feedbackId: string): string {
  return `batonfeedback${feedbackId.replace(/[^A-Za-z0-9]/g, '')}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** `hs_note_body` is HTML: every user-typed string is escaped, so a comment can never become markup. */
export function feedbackNoteBody(feedback: Feedback): string {
  const verdict = feedback.verdict === 'good' ? 'Good lead / 良いリード' : 'Bad lead / 良くないリード';
  const lines = [
    `<p><strong>Baton lead-quality feedback</strong>: ${verdict}</p>`,
    feedback.reasonCodes.length ? `<p>Reasons / 理由: ${escapeHtml(feedback.reasonCodes.join(', '))}</p>` : '',
    feedback.comment ? `<p>Comment / コメント: ${escapeHtml(feedback.comment)}</p>` : '',
    `<p>By / 記入者: ${escapeHtml(feedback.by)}</p>`,
    // Machine line: the search token, then what `parseFeedbackNote` reads back for the panel's feedback list.
    `<p style="color:#888">${feedbackToken(feedback.id)} · id=${escapeHtml(feedback.id)} · verdict=${feedback.verdict} · reasons=${escapeHtml(feedback.reasonCodes.join(','))}</p>`,
  ];
  return lines.filter(Boolean).join('');
}

/** True when a note body carries this feedback's token as a whole token (not as a prefix of a longer one). */
export function noteCarriesFeedback(body: string | null | undefined, feedbackId: string): boolean {
  if (!body) return false;
  const token = feedbackToken(feedbackId);
  return new RegExp(`(^|[^A-Za-z0-9])${token}($|[^A-Za-z0-9])`).test(body);
}

function unescapeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? '');
}

/**
 * Feedback Baton wrote earlier (from this browser or a colleague's), read back from a note on the contact,
 * so the panel shows it as delivered. Notes not written by Baton give null.
 */
export function parseFeedbackNote(
  body: string | null | undefined,
  at: { ref: RecordRef; personKey: string; noteId: string; timestamp: number },
): Feedback | null {
  const machine = body?.match(/ · id=([^ <]+) · verdict=(good|bad) · reasons=([^<]*)<\/p>/);
  if (!body || !machine) return null;
  const id = unescapeHtml(machine[1] ?? '');
  if (!noteCarriesFeedback(body, id)) return null;
  const field = (label: string) => {
    const m = body.match(new RegExp(`<p>${label}: (.*?)</p>`));
    return m?.[1] !== undefined ? unescapeHtml(m[1]) : undefined;
  };
  const reasons = unescapeHtml(machine[3] ?? '');
  const parsed = feedbackSchema.safeParse({
    id,
    ref: at.ref,
    personKey: at.personKey,
    verdict: machine[2],
    reasonCodes: reasons ? reasons.split(',') : [],
    comment: field('Comment / コメント'),
    by: field('By / 記入者') ?? '',
    at: at.timestamp,
    state: 'sent',
    attempts: 1,
    nextAttemptAt: at.timestamp,
    sentAt: at.timestamp,
    vendorId: at.noteId,
  });
  return parsed.success ? parsed.data : null;
}
