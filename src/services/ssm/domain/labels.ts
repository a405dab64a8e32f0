/**
 * Parameter labels (LabelParameterVersion).
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-labels.html
 * A label has at most 100 characters of letters, numbers, `.`, `-` and `_`; it can't begin with a
 * number, `aws` or `ssm` (any case). A version has at most 10 labels, and a label is on one
 * version of a parameter at a time (attaching it elsewhere moves it).
 */
export const MAX_LABELS_PER_VERSION = 10;

export function isValidLabel(label: string): boolean {
  return label.length >= 1 && label.length <= 100 && /^[a-zA-Z0-9_.-]+$/.test(label) && !/^[0-9]/.test(label) && !/^(aws|ssm)/i.test(label);
}
