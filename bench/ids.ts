import { checkCharacter } from '../server/modules/cadres/id-number.ts';

/**
 * A valid ID number no generated roster holds (born 1967–1970) and no earlier bench run used: the
 * run's stamp picks the day, the counter the sequence number.
 */
export function makeIdNumberFor(run: number, k: number) {
  const day = new Date(Date.UTC(1967, 0, 1) + ((run + Math.floor(k / 1000)) % 1400) * 86_400_000)
    .toISOString()
    .slice(0, 10)
    .replace(/-/g, '');
  const first17 = `320699${day}${String(k % 1000).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}
