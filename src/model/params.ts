// Scalar model parameters live in one Float64Array per run, addressed by these indices.
export const P = {
  temperature: 0,
  office_value: 1,
  pm_bonus: 2,
  pm_sect_bonus: 3,
  opposition_value: 4,
  power_scale: 5,
  enemy_penalty: 6,
  decay: 7,
  pressure_pull: 8,
  overture: 9,
  rebuff: 10,
  boycott_below: 11,
  attendance_temperature: 12,
  fragmented_backing: 13,
  veto_below: 14,
  veto_share: 15,
  caretaker_value: 16,
  campaign_rivalry: 17,
  campaign_solidarity: 18,
  delay_cost: 19,
  office_sharing: 20,
  office_inclusion: 21,
  office_unsecured: 22,
  office_cushion: 23,
  compromise_lift: 24,
  compromise_bonus_share: 25,
} as const;

export const PARAM_COUNT = 26;
export type ParamName = keyof typeof P;
