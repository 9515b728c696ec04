/** Categories in their first order, without repeats: a tag named like its section says nothing twice. */
export function distinctCategories(categories: readonly string[]): string[] {
  return [...new Set(categories)];
}
