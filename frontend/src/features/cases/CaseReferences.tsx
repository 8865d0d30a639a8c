import { Button, Fieldset, Heading, Link, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { MAX_CASE_REFERENCES } from '@samrad/shared/contracts';
import type { CaseView } from './api.js';

type Reference = CaseView['references'][number];

/** The error paths of a references field and the ids of their inputs (for a form's error summary). */
export function referenceFieldIds(prefix: string): Record<string, string> {
  const ids: Record<string, string> = { references: `${prefix}-refs` };
  for (let i = 0; i < MAX_CASE_REFERENCES + 1; i++) ids[`references.${i}`] = `${prefix}-ref-${i}`;
  return ids;
}

/** What a reference names, as the reader may see it: a case or a decision, by its number and the title they may see. */
function described(r: Reference, t: (key: string, o?: Record<string, string>) => string) {
  if (!r.kind || !r.number) return null;
  const o = { number: r.number, title: r.title ?? '', body: r.body ?? '' };
  return r.kind === 'decision' && r.body ? t('cases.referenceDecision', o) : t('cases.referenceCase', o);
}

/**
 * A case's references to earlier cases and decisions: a link where the case or decision is in Samråd
 * and the reader may read it, its number and the title the reader may see where they may not (an
 * exempt case's public title), and the text as written where it names nothing in Samråd.
 */
export function CaseReferenceList({ references }: { references: Reference[] }) {
  const { t } = useTranslation();
  if (references.length === 0) return null;
  return (
    <section aria-labelledby="references-h">
      <Heading level={2} data-size="sm" id="references-h">
        {t('cases.references')}
      </Heading>
      <ul>
        {references.map((r, i) => {
          const about = described(r, t);
          return (
            <li key={`${i}-${r.text}`}>
              {r.caseId ? (
                <Link asChild>
                  <RouterLink to={`/saker/${r.caseId}`}>{r.text}</RouterLink>
                </Link>
              ) : (
                r.text
              )}
              {about && <span className="muted">{` – ${about}`}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * The references entered as a list: one field each, added and removed with buttons. The fields are
 * named `references`, so the form reads them in order with `FormData.getAll('references')`.
 */
export function ReferencesField({
  idPrefix,
  initial,
  error,
}: {
  idPrefix: string;
  initial: string[];
  error: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const next = useRef(initial.length);
  const [items, setItems] = useState(() => initial.map((value, key) => ({ key, value })));
  // Focus follows the change: into a field just added, to «add» after a removal.
  const [focus, setFocus] = useState<number | 'add' | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const ids = referenceFieldIds(idPrefix);
  useEffect(() => {
    if (focus === null) return;
    const at = items.findIndex((x) => x.key === focus);
    if (at >= 0) document.getElementById(ids[`references.${at}`]!)?.focus();
    else addButton.current?.focus();
    setFocus(null);
  }, [focus, items, ids]);
  const add = () => {
    const key = next.current++;
    setItems((xs) => [...xs, { key, value: '' }]);
    setFocus(key);
  };
  const remove = (key: number) => {
    setItems((xs) => xs.filter((x) => x.key !== key));
    setFocus('add');
  };
  return (
    <Fieldset id={ids.references} tabIndex={-1}>
      <Fieldset.Legend>{t('cases.references')}</Fieldset.Legend>
      <Fieldset.Description>{t('cases.referencesHelp')}</Fieldset.Description>
      {error('references') && <ValidationMessage>{error('references')}</ValidationMessage>}
      {items.map((item, i) => (
        <div key={item.key} className="row">
          <Textfield
            id={ids[`references.${i}`]}
            name="references"
            label={t('cases.referenceLabel', { n: i + 1 })}
            value={item.value}
            onChange={(e) => {
              const value = e.target.value;
              setItems((xs) => xs.map((x) => (x.key === item.key ? { ...x, value } : x)));
            }}
            error={error(`references.${i}`)}
          />
          <Button type="button" variant="tertiary" data-size="sm" onClick={() => remove(item.key)}>
            {t('cases.removeReference', { n: i + 1 })}
          </Button>
        </div>
      ))}
      <div>
        <Button
          ref={addButton}
          type="button"
          variant="secondary"
          data-size="sm"
          onClick={add}
          disabled={items.length >= MAX_CASE_REFERENCES}
        >
          {t('cases.addReference')}
        </Button>
      </div>
    </Fieldset>
  );
}
