/** Whether `text` is `n` (a positive integer) written in decimal, as String(n) writes it, without making that string. */
export function isDecimalOf(text: string, n: number): boolean {
  let rest = n;
  for (let i = text.length - 1; i >= 0; i--) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9 || rest === 0 || rest % 10 !== digit) return false;
    rest = (rest - digit) / 10;
  }
  return text.length > 0 && rest === 0;
}
