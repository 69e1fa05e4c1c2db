// How a premier holds the office: as a party's leader, a party's compromise figure, or an independent.
export const LEADER = 0;
export const COMPROMISE = 1;
export const INDEPENDENT = 2;
