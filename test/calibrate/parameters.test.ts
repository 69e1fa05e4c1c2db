// --fit: model parameters with the schema's ranges, or narrower bounds; every other path is refused with a
// pointed message.
import { describe, expect, it } from "vitest";
import { parseFit } from "../../src/calibrate/parameters.ts";

describe("parseFit", () => {
  it("takes bounds from the schema and starts from the default, a distribution's mean", () => {
    const [temperature, delay] = parseFit(["model.temperature,model.delay_cost"]);
    expect(temperature).toMatchObject({ path: "model.temperature", bounds: [0.001, 10], range: [0.001, 10], default: 0.05, start: 0.05 });
    expect(delay).toMatchObject({ path: "model.delay_cost", bounds: [0, 1], start: 0.055 });
    expect(delay.default).toEqual({ dist: "uniform", min: 0.01, max: 0.1 });
  });

  it("accepts narrower bounds, repeated options and nested parameters; starts mid-bounds when they leave out the default", () => {
    const [a, b] = parseFit(["model.premier_veto.below=-0.6:-0.1", "model.attendance.boycott_below=-1:-0.3"]);
    expect(a).toMatchObject({ bounds: [-0.6, -0.1], start: -0.35 });
    expect(b).toMatchObject({ bounds: [-1, -0.3], start: -0.65 });
  });

  it.each([
    ["model.temprature", /model has no 'temprature' \(did you mean 'temperature'\?\)/],
    ["actors.a.seats", /expected a model parameter \(model\.…/],
    ["model", /expected a model parameter/],
    ["model.office", /expected one parameter, found a group of them \(model\.office\.sharing, /],
    ["model.consent", /expected a numeric parameter, found a choice among majority, unanimity/],
    ["model.blocked_memory", /expected a continuous parameter, found a whole number/],
    ["model.temperature=0:20", /expected bounds within the schema's range \[0\.001, 10\], found \[0, 20\]/],
    ["model.temperature=0.5:0.1", /expected lo < hi, found 0\.5 and 0\.1/],
    ["model.temperature=low:high", /expected bounds lo:hi/],
    ["model.temperature,model.temperature", /model\.temperature is listed twice/],
    ["model.temperature,", /expected path\[=lo:hi\]/],
  ])("refuses --fit %s", (text, message) => {
    expect(() => parseFit([text])).toThrow(message);
  });
});
