// The part of jstat bazaar uses (the package ships no types). It is CommonJS: the default export.
declare module "jstat" {
  const jStat: {
    chisquare: { cdf(x: number, dof: number): number };
    normal: { inv(p: number, mean: number, sd: number): number };
  };
  export default jStat;
}
