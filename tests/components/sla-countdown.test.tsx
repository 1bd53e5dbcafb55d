import { screen } from '@testing-library/react';
import { SlaCountdown } from '../../components/lead/sla-countdown';
import { I18nProvider } from '../../components/i18n/i18n-provider';
import { businessMinutesBetween, nextOpeningAt } from '../../lib/domain/business-calendar';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import { computeSla } from '../../lib/domain/sla';
import { differsFromBrowserZone, formatCountdown, formatWeekdayTime } from '../../lib/i18n/format';
import { en, ja, renderIn } from './render-with-i18n';

const cal = DEFAULT_DEFINITIONS.calendar;
const tokyo = (y: number, m: number, d: number, h: number, min = 0) => Date.UTC(y, m - 1, d, h - 9, min);
// Wed 2026-11-25 10:00 Tokyo handoff of a hot lead (1 business hour).
const handoffAt = tokyo(2026, 11, 25, 10);
const sla = (now: number, firstTouchAt: number | null = null) =>
  computeSla({ handoffAt, band: 'hot', firstTouchAt, definitions: DEFAULT_DEFINITIONS, now });

describe('SlaCountdown', () => {
  it('counts down business time and shows the due time in the team zone', () => {
    const now = tokyo(2026, 11, 25, 10, 20);
    const s = sla(now);
    renderIn('ja', <SlaCountdown sla={s} now={now} calendar={cal} />);
    expect(screen.getByText(ja(`sla.status.${s.status}`))).toBeInTheDocument();
    const left = businessMinutesBetween(cal, now, s.dueAt) * 60;
    expect(screen.getByText(ja('sla.remaining', { duration: formatCountdown('ja', left) }))).toBeInTheDocument();
    expect(screen.getByText(ja('sla.due', { time: formatWeekdayTime('ja', s.dueAt, 'Asia/Tokyo') }), { exact: false })).toBeInTheDocument();
  });

  it('ticks every second without announcing, and announces when the status changes', () => {
    const before = tokyo(2026, 11, 25, 11) - 2000;
    const s = sla(tokyo(2026, 11, 25, 10, 59));
    const { rerender } = renderIn('en', <SlaCountdown sla={s} now={before} calendar={cal} />);
    const status = screen.getByRole('status');
    const announced = status.textContent;
    rerender(
      <I18nProvider locale="en" timeZone="Asia/Tokyo">
        <SlaCountdown sla={s} now={before + 1000} calendar={cal} />
      </I18nProvider>,
    );
    expect(screen.getByRole('status').textContent).toBe(announced);
    // Past the deadline the live clock says overdue before the next per-minute assessment arrives.
    rerender(
      <I18nProvider locale="en" timeZone="Asia/Tokyo">
        <SlaCountdown sla={s} now={s.dueAt + 5000} calendar={cal} />
      </I18nProvider>,
    );
    expect(screen.getByRole('status')).toHaveTextContent(en('sla.announce', { status: en('sla.status.breached') }));
    expect(screen.getByText(en('sla.status.breached'))).toBeInTheDocument();
  });

  it('pauses over the weekend and says when the clock resumes', () => {
    const saturday = tokyo(2026, 11, 28, 11);
    const s = computeSla({ handoffAt: tokyo(2026, 11, 27, 17, 30), band: 'hot', firstTouchAt: null, definitions: DEFAULT_DEFINITIONS, now: saturday });
    renderIn('en', <SlaCountdown sla={s} now={saturday} calendar={cal} />);
    const resumes = nextOpeningAt(cal, saturday);
    // Tokyo times carry their zone when the machine runs in another one.
    expect(screen.getByText(en('sla.paused', { time: formatWeekdayTime('en', resumes, 'Asia/Tokyo', differsFromBrowserZone('Asia/Tokyo')) }))).toBeInTheDocument();
    expect(screen.getByText(/Mon/, { selector: '.paused' })).toBeInTheDocument();
  });

  it('shows a late first touch with how late it was', () => {
    const touch = tokyo(2026, 11, 25, 14);
    const s = sla(tokyo(2026, 11, 25, 15), touch);
    expect(s.status).toBe('met_late');
    renderIn('en', <SlaCountdown sla={s} now={tokyo(2026, 11, 25, 15)} calendar={cal} firstTouchAt={touch} />);
    expect(screen.getByText(en('sla.status.met_late'))).toBeInTheDocument();
    expect(screen.getByText(/Touched .* late/)).toBeInTheDocument();
  });

  it('says there is no SLA before handoff', () => {
    renderIn('ja', <SlaCountdown sla={null} now={0} calendar={cal} />);
    expect(screen.getByText(ja('sla.notHandedOff'))).toBeInTheDocument();
  });
});
