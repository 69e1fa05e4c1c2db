// The part of jstat bazaar uses (the package ships no types).
declare module "jstat" {
  export const jStat: {
    chisquare: { cdf(x: number, dof: number): number };
  };
}
