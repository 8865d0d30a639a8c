import type { EntityManager } from 'typeorm';
import { ANALYSIS_ENGINE_VERSION, computeAnalysis, GRIMSTAD_2009 } from '@samrad/shared/engine';

/**
 * The analysis workbench (#19) with the 2009 report's figures on the distribution-model case: the savings plan (4.3 and
 * 8.6 million, four measures, the 5.1 million one linked to the allocation scenario that carries it out), the SFO fee
 * scenario, the eight schools of 2009/10 and the KOSTRA peer comparison, each under its mandate item; a parent's comment
 * on the SFO measure. The measures name who writes their consequence assessment: the director owns the income measures,
 * and the special-school and frame measures concern Nordby skole, whose rektor (a unit leader) assesses them.
 */
export async function seedAnalysis(m: EntityManager, muni: string, mandate: string, users: Record<string, string>): Promise<void> {
  const [caseRow] = (await m.query(
    `SELECT id FROM case_file WHERE municipality_id = $1 AND title = 'Ny ressursfordelingsmodell for grunnskolen'`,
    [muni],
  )) as { id: string }[];
  const item = async (n: number) =>
    ((await m.query(`SELECT id FROM mandate_item WHERE mandate_id = $1 AND number = $2`, [mandate, n])) as { id: string }[])[0]!.id;
  const [cut] = (await m.query(
    `SELECT s.id FROM scenario s JOIN allocation_case a ON a.id = s.allocation_case_id WHERE a.municipality_id = $1 AND s.name = 'Rammereduksjon 5,1 mill.'`,
    [muni],
  )) as { id: string }[];
  const measureExtras: Record<
    string,
    { item: number; owner: string; ownerKey?: string; school?: string; assessment: { pupils: string; parents: string; staff: string } }
  > = {
    sfo: {
      item: 5,
      owner: 'Kommunalsjef oppvekst',
      ownerKey: 'director',
      assessment: {
        pupils: 'Ingen endring i tilbudet for elever med hel plass; deltidsplassen går ned fra 15 til 12 timer.',
        parents: 'Høyere pris for hel plass (+188 kr i måneden); noen foreldre vil velge hel plass i stedet for deltid.',
        staff: 'Bemanningen følger antall timer; små endringer.',
      },
    },
    toppfinansiering: {
      item: 5,
      owner: 'Kommunalsjef oppvekst',
      ownerKey: 'director',
      assessment: {
        pupils: 'Ingen endring for elevene.',
        parents: 'Ingen endring for foreldrene.',
        staff: 'Mer rapportering for rektorene.',
      },
    },
    spesialskole: {
      item: 6,
      owner: 'Kommunalsjef oppvekst',
      school: 'Nordby skole',
      assessment: {
        pupils: 'Flere elever får tilbudet ved nærskolen.',
        parents: 'Foreldre må høres før et elevtilbud flyttes.',
        staff: 'Nærskolene trenger kompetanse på spesialundervisning.',
      },
    },
    rammer: {
      item: 3,
      owner: 'Rektorene (lederforum)',
      school: 'Nordby skole',
      assessment: {
        pupils: 'Større grupper i noen fag.',
        parents: 'Færre voksne i skolen.',
        staff: 'Om lag ti årsverk færre, tatt ved naturlig avgang der det går.',
      },
    },
  };
  const savings = {
    ...GRIMSTAD_2009.savings,
    measures: await Promise.all(
      GRIMSTAD_2009.savings.measures.map(async (measure) => {
        const extra = measureExtras[measure.id]!;
        return {
          ...measure,
          owner: extra.owner,
          ownerId: extra.ownerKey ? (users[extra.ownerKey] ?? null) : null,
          school: extra.school ?? '',
          mandateItemId: await item(extra.item),
          status: 'recommended',
          assessment: extra.assessment,
          scenarioId: measure.id === 'rammer' ? (cut?.id ?? null) : null,
        };
      }),
    ),
  };
  const tools: [kind: 'savings' | 'sfo' | 'structure' | 'peers', title: string, itemNo: number, input: unknown][] = [
    ['savings', 'Innsparingskrav og tiltak 2010–2011', 3, savings],
    ['sfo', 'Foreldrebetaling i SFO', 5, GRIMSTAD_2009.sfo],
    ['structure', 'Skolestruktur 2009/10: ledig kapasitet', 2, GRIMSTAD_2009.structure],
    ['peers', 'KOSTRA 2008: sammenligning med andre kommuner', 3, GRIMSTAD_2009.peers],
  ];
  for (const [kind, title, itemNo, input] of tools) {
    const result = computeAnalysis(kind, input);
    const [row] = (await m.query(
      `INSERT INTO analysis_tool (municipality_id, case_id, mandate_item_id, kind, title, input, result, engine_version, created_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
      [
        muni,
        caseRow!.id,
        await item(itemNo),
        kind,
        title,
        JSON.stringify(input),
        JSON.stringify(result),
        ANALYSIS_ENGINE_VERSION,
        users.officer,
      ],
    )) as { id: string }[];
    await m.query(
      `INSERT INTO analysis_tool_version (tool_id, version, title, input, result, engine_version, created_by) VALUES ($1,1,$2,$3,$4,$5,$6)`,
      [row!.id, title, JSON.stringify(input), JSON.stringify(result), ANALYSIS_ENGINE_VERSION, users.officer],
    );
    if (kind === 'savings') {
      await m.query(`INSERT INTO analysis_comment (municipality_id, tool_id, measure_id, author_id, text) VALUES ($1,$2,$3,$4,$5)`, [
        muni,
        row!.id,
        'sfo',
        users.fau,
        'FAU ber om at søskenmoderasjonen holdes utenfor prisøkningen for hel plass.',
      ]);
    }
  }
}
