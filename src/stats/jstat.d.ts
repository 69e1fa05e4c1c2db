// The part of jstat bazaar uses (the package ships no types). It is CommonJS: the default export.
declare module "jstat" {
  const jStat: {
    chisquare: { cdf(x: number, dof: number): number };
    normal: { cdf(x: number, mean: number, sd: number): number; inv(p: number, mean: number, sd: number): number };
    beta: { inv(p: number, a: number, b: number): number };
  };
  export default jStat;
}
