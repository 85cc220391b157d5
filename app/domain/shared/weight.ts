/** "500 g", "1,5 kg", "5 kg": grams as Vietnamese shoppers read a package weight. */
export function formatWeight(grams: number): string {
  if (grams < 1000) return `${grams} g`;
  return `${(grams / 1000).toLocaleString("vi-VN", { maximumFractionDigits: 2 })} kg`;
}
