import { useParams } from 'react-router';

/** The record id in the address (/cadres/:id…), when it is a valid one. */
export function useCadreId(): number | undefined {
  const { id } = useParams();
  const value = Number(id);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}
