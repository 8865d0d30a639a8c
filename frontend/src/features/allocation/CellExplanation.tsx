import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellExplanation } from '@samrad/shared/engine';

export const EXPLANATION_ID = 'cell-explanation';

/**
 * An amount in the result table as a button: choosing it (mouse, Enter or Space) shows how the engine
 * computed it in the explanation panel below the table.
 */
export function AmountButton({
  text,
  label,
  selected,
  onSelect,
}: {
  text: string;
  label: string;
  selected: boolean;
  onSelect: () => void;
}) {
  return (
    <button
      type="button"
      className="amount-button"
      aria-label={label}
      aria-expanded={selected}
      aria-controls={EXPLANATION_ID}
      onClick={onSelect}
    >
      {text}
    </button>
  );
}

/** The chosen cell's formula with its numbers, and its steps with the rounding applied, in Norwegian. */
export function CellExplanationPanel({ explanation, onClose }: { explanation: CellExplanation | null; onClose: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (explanation) heading.current?.focus();
  }, [explanation]);
  return (
    <section id={EXPLANATION_ID} className="cell-explanation" aria-labelledby={explanation ? 'cell-explanation-heading' : undefined}>
      {explanation ? (
        <>
          <Heading level={3} data-size="xs" id="cell-explanation-heading" tabIndex={-1} ref={heading}>
            {t('allocation.explain.title')}: {explanation.title}
          </Heading>
          <Paragraph>
            <strong>{t('allocation.explain.formula')}:</strong> {explanation.formula}
          </Paragraph>
          <Paragraph>{t('allocation.explain.steps')}:</Paragraph>
          <ol>
            {explanation.steps.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ol>
          <Button variant="secondary" data-size="sm" onClick={onClose}>
            {t('allocation.explain.close')}
          </Button>
        </>
      ) : (
        <Paragraph data-size="sm">{t('allocation.explain.help')}</Paragraph>
      )}
    </section>
  );
}
