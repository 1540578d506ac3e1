import { OTHER_IDEAS_LABEL, OTHER_IDEAS_WARNING_SHARE } from '../themes/theme';
import { ReportGroup, ReportTheme } from './report';

/** Below this many ideas a group is read at a glance: what fits no theme there is no news. */
const MIN_GROUP_TO_WARN = 10;

/** Ideas of a group's themes that are in "Other ideas". */
export const otherIdeasOf = (themes: readonly ReportTheme[]): number => themes.filter((t) => t.other).reduce((s, t) => s + t.size, 0);

/** The group's real themes: "Other ideas" is where ideas that fit no theme go, not a theme. */
export const realThemes = (group: Pick<ReportGroup, 'themes'>): ReportTheme[] => group.themes.filter((t) => !t.other);

/**
 * A sentence for the reader when more than a quarter of a group fits no theme: such a draft
 * needs more than tidying. Undefined when "Other ideas" is small enough to read through.
 */
export function otherIdeasWarning(ideas: number, otherIdeas: number, label = OTHER_IDEAS_LABEL): string | undefined {
  if (ideas < MIN_GROUP_TO_WARN || otherIdeas <= OTHER_IDEAS_WARNING_SHARE * ideas) return undefined;
  const share = Math.round((100 * otherIdeas) / ideas);
  // Another -k can help only where themes were found, not where ideas were sorted into saved ones ("Unmatched").
  const hint = label === OTHER_IDEAS_LABEL ? 'read them, or try another -k' : 'read them';
  return `${otherIdeas} of ${ideas} ideas (${share}%) fit no theme and are in "${label}"; ${hint}`;
}
