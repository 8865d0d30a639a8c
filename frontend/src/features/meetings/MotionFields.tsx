import { Button, Fieldset, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A vote count from a number field: empty is «not given» (the contract names the field), otherwise the number typed. */
const count = (v: FormDataEntryValue | null): number | undefined => {
  const s = String(v ?? '').trim();
  return s === '' ? undefined : Number(s.replace(',', '.'));
};

/** The ids of one motion's fields (also the targets of the error summary's links). */
export const motionFieldId = (prefix: string, i: number, field: string) => `${prefix}-motion-${i}-${field}`;
export const dissentFieldId = (prefix: string, i: number, field: string) => `${prefix}-dissent-${i}-${field}`;

/** Rows of a list that grows and shrinks; each row has a stable key (its fields are uncontrolled). */
function useRows(initial = 0) {
  const [next, setNext] = useState(initial);
  const [rows, setRows] = useState<number[]>(() => Array.from({ length: initial }, (_, i) => i));
  return {
    rows,
    add: () => {
      setRows((r) => [...r, next]);
      setNext((n) => n + 1);
    },
    remove: (key: number) => setRows((r) => r.filter((k) => k !== key)),
  };
}

/** Reads the motions (with their votes, by party where given, and the adopted one) from the form. */
export function readMotions(f: FormData, prefix: string, keys: number[], byPartyKeys: Record<number, number[]>) {
  const adopted = f.get(`${prefix}-adopted`);
  return keys.map((k, i) => ({
    motion: String(f.get(`${prefix}-m${k}-text`) ?? ''),
    proposedBy: String(f.get(`${prefix}-m${k}-proposedBy`) ?? ''),
    party: String(f.get(`${prefix}-m${k}-party`) ?? ''),
    for: count(f.get(`${prefix}-m${k}-for`)),
    against: count(f.get(`${prefix}-m${k}-against`)),
    blank: count(f.get(`${prefix}-m${k}-blank`)),
    byParty: (byPartyKeys[k] ?? []).map((p) => ({
      party: String(f.get(`${prefix}-m${k}-p${p}-party`) ?? ''),
      for: count(f.get(`${prefix}-m${k}-p${p}-for`)) ?? 0,
      against: count(f.get(`${prefix}-m${k}-p${p}-against`)) ?? 0,
      blank: count(f.get(`${prefix}-m${k}-p${p}-blank`)) ?? 0,
    })),
    adopted: adopted === String(i),
  }));
}

export function readDissent(f: FormData, prefix: string, keys: number[]) {
  return keys.map((k) => ({
    name: String(f.get(`${prefix}-d${k}-name`) ?? ''),
    reason: String(f.get(`${prefix}-d${k}-reason`) ?? ''),
  }));
}

type Error = (path: string) => string | undefined;

/**
 * The motions put to the vote (forslag): text, who proposed it and for which party, votes for, against and
 * blank (by party where the protocol records it), and which one was adopted (one radio group for all).
 */
export function MotionFields(props: {
  prefix: string;
  rows: ReturnType<typeof useRows>;
  byParty: Record<number, ReturnType<typeof useRows>['rows']>;
  setByParty: (motion: number, rows: number[]) => void;
  error: Error;
}) {
  const { t } = useTranslation();
  const { prefix, rows, error } = props;
  let nextParty = Math.max(0, ...Object.values(props.byParty).flat()) + 1;
  return (
    <Fieldset>
      <Fieldset.Legend>{t('meetings.protocol.motions')}</Fieldset.Legend>
      <Fieldset.Description>{t('meetings.protocol.motionsHint')}</Fieldset.Description>
      {rows.rows.map((k, i) => {
        const path = (field: string) => `decision.motions.${i}.${field}`;
        const id = (field: string) => motionFieldId(prefix, i, field);
        const parties = props.byParty[k] ?? [];
        return (
          <Fieldset key={k} className="panel">
            <Fieldset.Legend>{t('meetings.protocol.motionN', { n: i + 1 })}</Fieldset.Legend>
            <Textfield
              id={id('motion')}
              name={`${prefix}-m${k}-text`}
              multiline
              rows={3}
              label={t('meetings.protocol.motionText')}
              error={error(path('motion'))}
            />
            <div className="row">
              <Textfield
                id={id('proposedBy')}
                name={`${prefix}-m${k}-proposedBy`}
                label={t('meetings.protocol.proposedBy')}
                error={error(path('proposedBy'))}
              />
              <Textfield
                id={id('party')}
                name={`${prefix}-m${k}-party`}
                label={t('meetings.protocol.party')}
                error={error(path('party'))}
              />
            </div>
            <div className="row">
              {(['for', 'against', 'blank'] as const).map((v) => (
                <Textfield
                  key={v}
                  id={id(v)}
                  name={`${prefix}-m${k}-${v}`}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  label={t(`meetings.protocol.votes.${v}`)}
                  error={error(path(v))}
                />
              ))}
            </div>
            {parties.length > 0 && (
              <Fieldset id={id('byParty')} tabIndex={-1}>
                <Fieldset.Legend>{t('meetings.protocol.byParty')}</Fieldset.Legend>
                {error(path('byParty')) && <Paragraph data-color="danger">{error(path('byParty'))}</Paragraph>}
                {parties.map((p, j) => (
                  <div className="row" key={p}>
                    <Textfield
                      name={`${prefix}-m${k}-p${p}-party`}
                      label={t('meetings.protocol.partyN', { n: j + 1 })}
                      error={error(`decision.motions.${i}.byParty.${j}.party`)}
                    />
                    {(['for', 'against', 'blank'] as const).map((v) => (
                      <Textfield
                        key={v}
                        name={`${prefix}-m${k}-p${p}-${v}`}
                        type="number"
                        inputMode="numeric"
                        min={0}
                        label={t(`meetings.protocol.partyVotes.${v}`, { n: j + 1 })}
                      />
                    ))}
                    <Button
                      type="button"
                      variant="tertiary"
                      data-size="sm"
                      onClick={() =>
                        props.setByParty(
                          k,
                          parties.filter((x) => x !== p),
                        )
                      }
                    >
                      {t('meetings.protocol.removeParty', { n: j + 1 })}
                    </Button>
                  </div>
                ))}
              </Fieldset>
            )}
            <div className="row">
              <Radio id={id('adopted')} name={`${prefix}-adopted`} value={String(i)} label={t('meetings.protocol.adopted')} />
              <Button type="button" variant="tertiary" data-size="sm" onClick={() => props.setByParty(k, [...parties, nextParty++])}>
                {t('meetings.protocol.addParty')}
              </Button>
              <Button type="button" variant="tertiary" data-size="sm" onClick={() => rows.remove(k)}>
                {t('meetings.protocol.removeMotion', { n: i + 1 })}
              </Button>
            </div>
          </Fieldset>
        );
      })}
      <div>
        <Button type="button" variant="secondary" onClick={rows.add}>
          {t('meetings.protocol.addMotion')}
        </Button>
      </div>
    </Fieldset>
  );
}

/** Dissens: who, with a short reason. The names come from the attendance (or are typed). */
export function DissentFields(props: { prefix: string; rows: ReturnType<typeof useRows>; names: string[]; error: Error }) {
  const { t } = useTranslation();
  const { prefix, rows, error } = props;
  const listId = `${prefix}-dissent-names`;
  return (
    <Fieldset>
      <Fieldset.Legend>{t('meetings.protocol.dissent')}</Fieldset.Legend>
      <datalist id={listId}>
        {props.names.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      {rows.rows.map((k, i) => (
        <div className="row" key={k}>
          <Textfield
            id={dissentFieldId(prefix, i, 'name')}
            name={`${prefix}-d${k}-name`}
            list={listId}
            autoComplete="off"
            label={t('meetings.protocol.dissentName', { n: i + 1 })}
            error={error(`decision.dissent.${i}.name`)}
          />
          <Textfield
            id={dissentFieldId(prefix, i, 'reason')}
            name={`${prefix}-d${k}-reason`}
            label={t('meetings.protocol.dissentReason', { n: i + 1 })}
            error={error(`decision.dissent.${i}.reason`)}
          />
          <Button type="button" variant="tertiary" data-size="sm" onClick={() => rows.remove(k)}>
            {t('meetings.protocol.removeDissent', { n: i + 1 })}
          </Button>
        </div>
      ))}
      <div>
        <Button type="button" variant="secondary" onClick={rows.add}>
          {t('meetings.protocol.addDissent')}
        </Button>
      </div>
    </Fieldset>
  );
}

export { useRows };
