/**
 * US state names (normalised) → postal codes, which GeoNames uses as the admin1 code of US
 * places: the one country where `state_province` is needed to tell same-named cities apart
 * (Springfield, Portland, …) and its admin code is not a bare number.
 */
export const US_STATES: ReadonlyMap<string, string> = new Map(
  (
    "al alabama|ak alaska|az arizona|ar arkansas|ca california|co colorado|ct connecticut|" +
    "de delaware|dc district of columbia|fl florida|ga georgia|hi hawaii|id idaho|il illinois|" +
    "in indiana|ia iowa|ks kansas|ky kentucky|la louisiana|me maine|md maryland|" +
    "ma massachusetts|mi michigan|mn minnesota|ms mississippi|mo missouri|mt montana|" +
    "ne nebraska|nv nevada|nh new hampshire|nj new jersey|nm new mexico|ny new york|" +
    "nc north carolina|nd north dakota|oh ohio|ok oklahoma|or oregon|pa pennsylvania|" +
    "ri rhode island|sc south carolina|sd south dakota|tn tennessee|tx texas|ut utah|" +
    "vt vermont|va virginia|wa washington|wv west virginia|wi wisconsin|wy wyoming"
  )
    .split("|")
    .map((entry): [string, string] => [entry.slice(3), entry.slice(0, 2)]),
);

/** GeoNames' admin1 code of a US state (`MI`) → its name as people write it (`Michigan`). */
export const US_STATE_NAMES: ReadonlyMap<string, string> = new Map(
  [...US_STATES].map(([name, code]): [string, string] => [
    code.toUpperCase(),
    name.replaceAll(/\b(?!of\b)\p{L}/gu, (letter) => letter.toUpperCase()),
  ]),
);
