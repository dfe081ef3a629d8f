const SETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!@#$%^&*-_=+?'];

function pick(set: string, random: number): string {
  return set.charAt(random % set.length);
}

/** A random temporary password that meets any policy the server allows: all four classes, 12 characters or the length asked for. */
export function generatePassword(length = 12): string {
  const random = new Uint32Array(length * 2);
  crypto.getRandomValues(random);
  const all = SETS.join('');
  const chars = SETS.map((set, index) => pick(set, random[index] ?? 0));
  for (let index = chars.length; index < length; index += 1) chars.push(pick(all, random[index] ?? 0));
  // Shuffle so the classes are not always in the same positions.
  for (let index = chars.length - 1; index > 0; index -= 1) {
    const swap = (random[length + index] ?? 0) % (index + 1);
    [chars[index], chars[swap]] = [chars[swap] ?? '', chars[index] ?? ''];
  }
  return chars.join('');
}
