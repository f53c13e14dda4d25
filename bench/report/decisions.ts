// Changes measured for the link list and the GraphQL face, before and after, kept or dropped. These
// figures come from the runs named in each entry (not from the current run): a change is measured
// once, side by side, and its record stays when the code moves on.
export const DECISIONS: string[] = [
  '## Changes measured (before → after)',
  '',
  'TODO',
  '',
];
