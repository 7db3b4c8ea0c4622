/** The fixed list of skills a scenario can train. Keys are stable; labels are what trainees see. */
export const SKILLS = Object.freeze({
  'complaint-handling': 'Complaint handling',
  'idv-gdpr': 'ID&V and data protection',
  'third-party': 'Third-party callers',
  vulnerability: 'Vulnerable customers',
  'card-payment': 'Card payments',
  escalation: 'Escalation',
  'de-escalation': 'De-escalation',
  'technical-fault': 'Technical fault',
  outbound: 'Outbound calls',
  retention: 'Retention',
  'consumer-rights': 'Consumer rights',
  'data-requests': 'Data requests (SAR)',
  'call-control': 'Call control',
} as const);

export type SkillKey = keyof typeof SKILLS;
export const SKILL_KEYS = Object.freeze(Object.keys(SKILLS) as [SkillKey, ...SkillKey[]]);
