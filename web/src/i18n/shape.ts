/** An English dictionary's type: the Chinese one's keys, each value a string (nested groups alike). */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
