// Unit aliases used across the core: each number says what it measures in its type.

/** Calendar days. */
export type Days = number;
/** Kilometres along the track or the sailing line. */
export type Km = number;
/** US dollars, nominal, per forty-foot container (FEU). */
export type UsdPerFeu = number;
/** Million tonnes a year. */
export type Mtpa = number;
/** Kilograms of CO2-equivalent, well-to-wheel. */
export type KgCo2e = number;
/** Tonnes of cargo. */
export type Tonnes = number;
