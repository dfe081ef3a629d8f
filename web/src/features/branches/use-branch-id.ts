import { useParams } from 'react-router';

/** The branch id in the address (/branches/:id), when it is a valid one. */
export function useBranchId(): number | undefined {
  const { id } = useParams();
  const value = Number(id);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}
