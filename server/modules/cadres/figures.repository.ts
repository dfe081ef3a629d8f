import { type RawBuilder, sql } from 'kysely';

/**
 * The roster as it stood at the end of a day, counted the way the maintained count `cadres.birth_year`
 * counts it (org, category, party membership, treatment level, birth year): everyone whose record
 * existed by then and who was alive that day, each once, at the org that manages them. For the yearly
 * snapshot (年报); a scan, run once a year.
 */
export function rosterCountedAsOf(asOf: string, recordedBefore: string): RawBuilder<unknown> {
  return sql`select c.org_id as org_id, c.category as k1,
      case when c.political_status in ('01', '02') then '1' else '0' end as k2,
      coalesce(c.treatment_level, '') as k3, substr(c.birth_date, 1, 4) as k4, count(*) as n
    from cadres c left join cadre_deaths d on d.cadre_id = c.id
    where c.created_at < ${recordedBefore} and (c.status = 'active' or d.died_on > ${asOf})
    group by 1, 2, 3, 4, 5`;
}
