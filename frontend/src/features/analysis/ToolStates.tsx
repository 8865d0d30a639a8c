import { Link, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { Adoption, AnalysisToolState } from '@samrad/shared/contracts';
import { paths } from '../../config/paths.js';
import { formatDate } from '../../i18n/index.js';

const millions = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
/** NOK in millions, «3,58», «4,3». */
export const mill = (n: number) => millions.format(Math.abs(n) / 1_000_000);

const COLOR: Record<AnalysisToolState['status'], 'neutral' | 'warning' | 'success'> = {
  draft: 'neutral',
  partly_adopted: 'warning',
  adopted: 'success',
};

/** «Vedtatt i Kommunestyret 10.12.2026 (sak 12/26)». */
export function useAdoptionText() {
  const { t } = useTranslation();
  return (a: Pick<Adoption, 'body' | 'decidedOn' | 'committeeNumber'>) =>
    a.committeeNumber
      ? t('analysisLinks.adoptedBy', { body: a.body, date: formatDate(a.decidedOn), number: a.committeeNumber })
      : t('analysisLinks.adoptedByNoNumber', { body: a.body, date: formatDate(a.decidedOn) });
}

/** A tool's figures in one line: «3,58 av 4,3 mill. i 2010, gap 0,72 mill.», «+1,16 mill.», … */
function useFigures() {
  const { t } = useTranslation();
  return (s: AnalysisToolState): string => {
    const f = s.figures;
    switch (s.kind) {
      case 'savings': {
        const parts: string[] = [];
        if (f.year !== undefined && f.target !== undefined && f.effect !== undefined && f.gap !== undefined)
          parts.push(
            t(f.gap > 0 ? 'analysisLinks.figures.savings' : 'analysisLinks.figures.savingsMet', {
              effect: mill(f.effect),
              target: mill(f.target),
              year: f.year,
              gap: mill(f.gap),
            }),
          );
        if (f.measures) parts.push(t('analysisLinks.figures.measuresAdopted', { adopted: f.adoptedMeasures ?? 0, count: f.measures }));
        return parts.join(' · ');
      }
      case 'sfo':
        return t('analysisLinks.figures.sfo', { sign: (f.extraIncome ?? 0) < 0 ? '−' : '+', amount: mill(f.extraIncome ?? 0) });
      case 'structure':
        return t('analysisLinks.figures.structure', { before: f.freeBefore ?? 0, after: f.freeAfter ?? 0 });
      case 'peers':
        return t('analysisLinks.figures.peers', { count: f.peers ?? 0 });
      case 'measure':
        return t('analysisLinks.figures.measure', { amount: mill(f.fullYearEffect ?? 0), plan: f.planTitle ?? '' });
    }
  };
}

/** The state of each analysis tool (and measure) under a mandate item, each a link to the tool. */
export function ToolStateList({ tools }: { tools: AnalysisToolState[] }) {
  const { t } = useTranslation();
  const figures = useFigures();
  const adoptionText = useAdoptionText();
  if (tools.length === 0) return null;
  return (
    <ul className="tool-states">
      {tools.map((s) => (
        <li key={`${s.toolId}-${s.figures.measureId ?? ''}`}>
          <Link asChild>
            <RouterLink to={paths.analysisTool(s.toolId)}>{s.title}</RouterLink>
          </Link>{' '}
          – {t(`analysisLinks.kinds.${s.kind}`)}: {figures(s)}{' '}
          {(s.kind === 'savings' || s.kind === 'structure' || s.kind === 'measure') && (
            <Tag data-color={COLOR[s.status]} data-size="sm">
              {t(`analysisLinks.status.${s.status}`)}
            </Tag>
          )}
          {s.adoption && <span className="muted"> {adoptionText(s.adoption)}</span>}
        </li>
      ))}
    </ul>
  );
}
