import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TemperatureCard, TOP_REASONS } from '../../components/lead/temperature-card';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import { computeTemperature, type Temperature } from '../../lib/domain/temperature';
import { formatNumber } from '../../lib/i18n/format';
import { en, ja, renderIn } from './render-with-i18n';
import { HOT_EVENTS, NOW, PERSON, event } from './lead-fixtures';

describe('TemperatureCard', () => {
  // Computed inside each test (not at import), so a mutation test sees which test reaches the engine.
  let temperature: Temperature;
  beforeEach(() => {
    temperature = computeTemperature({ events: HOT_EVENTS, attributes: PERSON.attributes, definitions: DEFAULT_DEFINITIONS, now: NOW });
  });

  it('shows the band word, the score and the biggest reason in Japanese', () => {
    renderIn('ja', <TemperatureCard temperature={temperature} />);
    expect(screen.getByText(ja(`band.${temperature.band}`))).toBeInTheDocument();
    expect(screen.getByText(ja('temp.score', { score: formatNumber('ja', temperature.score) }))).toBeInTheDocument();
    const top = [...temperature.contributions].sort((a, b) => Math.abs(b.points) - Math.abs(a.points))[0]!;
    expect(screen.getByText(top.label.ja, { exact: false })).toBeInTheDocument();
  });

  it('shows the band word and reasons in English', () => {
    renderIn('en', <TemperatureCard temperature={temperature} />);
    expect(screen.getByText(en(`band.${temperature.band}`))).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Temperature' })).toBeInTheDocument();
    const top = temperature.contributions[0]!;
    expect(screen.getByText(top.label.en, { exact: false })).toBeInTheDocument();
  });

  it('lists the top reasons and expands to all of them with the keyboard', async () => {
    expect(temperature.contributions.length).toBeGreaterThan(TOP_REASONS);
    const user = userEvent.setup();
    renderIn('en', <TemperatureCard temperature={temperature} />);
    const list = () => screen.getAllByRole('listitem');
    expect(list()).toHaveLength(TOP_REASONS);
    const more = screen.getByRole('button', { name: en('temp.showAll', { count: temperature.contributions.length }) });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    more.focus();
    await user.keyboard('{Enter}');
    expect(list()).toHaveLength(temperature.contributions.length);
    expect(screen.getByRole('button', { name: en('temp.showTop') })).toHaveAttribute('aria-expanded', 'true');
  });

  it('says a spike and the trend in words, not only with an arrow', () => {
    renderIn('en', <TemperatureCard temperature={temperature} />);
    if (temperature.spike) expect(screen.getByText('Spike')).toBeInTheDocument();
    else expect(screen.queryByText('Spike')).not.toBeInTheDocument();
    expect(screen.getByText(/in 7 days/)).toBeInTheDocument();
  });

  it('reports future-dated events that were left out', () => {
    const withFuture = computeTemperature({
      events: [...HOT_EVENTS, event('future', 'page_view', -48)],
      attributes: PERSON.attributes,
      definitions: DEFAULT_DEFINITIONS,
      now: NOW,
    });
    renderIn('en', <TemperatureCard temperature={withFuture} />);
    expect(screen.getByText(en('temp.futureIgnored', { count: 1 }))).toBeInTheDocument();
  });

  it('a cold lead with no activity says so', () => {
    const cold = computeTemperature({ events: [], attributes: {}, definitions: DEFAULT_DEFINITIONS, now: NOW });
    renderIn('ja', <TemperatureCard temperature={cold} />);
    expect(screen.getByText(ja(`band.${cold.band}`))).toBeInTheDocument();
    expect(screen.getByText(ja('temp.noActivity'), { exact: false })).toBeInTheDocument();
  });
});
