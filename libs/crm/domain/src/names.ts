/** Tag and stage names are one name whatever their case: `VIP` is `vip`. */
export const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
